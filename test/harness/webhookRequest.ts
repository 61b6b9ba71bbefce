import type http from 'node:http';

/**
 * How a request body reaches the node:
 * - 'n8n': as in n8n 2.x, `req.readRawBody()` reads the body once into the Buffer `req.rawBody`,
 *   and n8n parses JSON, form and text bodies before webhook() runs;
 * - 'lazy': `req.readRawBody()` exists but nothing called it yet;
 * - 'consumed': `req.readRawBody()` throws, as n8n 2.41.1's does once its multipart parser has
 *   read the stream;
 * - 'absent': neither exists and `req.body` contains the parsed JSON, as on a host that keeps no
 *   raw body.
 */
export type RawBodySupport = 'n8n' | 'lazy' | 'consumed' | 'absent';

/** The fields n8n 2.x adds to a webhook request (declared on IncomingMessage by n8n-workflow). */
interface N8nRequestFields {
	rawBody?: Buffer;
	readRawBody?: () => Promise<void>;
	body?: unknown;
	contentType?: string;
	encoding: BufferEncoding;
}

export interface PreparedRequest {
	/** n8n's own response, set when n8n rejects the request before the node runs. */
	rejected?: { status: number; body: unknown };
}

/** Reads a request stream to its end. */
export async function readBody(request: http.IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

function mimeTypeOf(request: http.IncomingMessage): string | undefined {
	const header = request.headers['content-type'];
	return header ? header.split(';')[0].trim().toLowerCase() : undefined;
}

/**
 * Gives a Node.js request the shape n8n 2.x gives it before a webhook node runs (packages/cli,
 * middlewares/body-parser.ts and webhooks/webhook-helpers.ts): `contentType`, `encoding`, the
 * lazy `readRawBody()`, and for the 'n8n' mode the parsed body. A JSON body n8n cannot parse
 * gets n8n's own 422 response and never reaches the node.
 */
export async function toN8nWebhookRequest(
	request: http.IncomingMessage,
	support: RawBodySupport,
): Promise<PreparedRequest> {
	const target = request as unknown as N8nRequestFields;
	target.contentType = mimeTypeOf(request);
	target.encoding = 'utf-8';

	if (support === 'absent') {
		const text = (await readBody(request)).toString('utf8');
		try {
			target.body = JSON.parse(text);
		} catch {
			target.body = text;
		}
		return {};
	}

	target.readRawBody = async () => {
		if (!target.rawBody) target.rawBody = await readBody(request);
	};
	if (support === 'lazy') return {};
	if (support === 'consumed') {
		await readBody(request);
		target.readRawBody = async () => {
			throw new Error('Request body stream was aborted or is not readable');
		};
		return {};
	}

	await target.readRawBody();
	const text = target.rawBody?.toString(target.encoding) ?? '';
	if (target.contentType === 'application/json' && text.length > 0) {
		try {
			// n8n 2.41.1 drops a leading byte order mark before it parses JSON.
			target.body = JSON.parse(text.replace(/^\uFEFF/, ''));
		} catch (error) {
			return {
				rejected: {
					status: 422,
					body: {
						code: 422,
						message: 'Failed to parse request body',
						hint: (error as Error).message,
					},
				},
			};
		}
	} else if (target.contentType === 'text/plain') {
		target.body = text;
	}
	target.body ??= {};
	return {};
}
