import type { IWebhookFunctions } from 'n8n-workflow';

type WebhookRequest = ReturnType<IWebhookFunctions['getRequestObject']>;

/**
 * Returns the request body exactly as received, or undefined when the host kept no copy.
 *
 * n8n 2.41.1 (packages/cli/src/middlewares/body-parser.ts) gives every webhook request a
 * `readRawBody()` that reads the stream once into `req.rawBody` as a Buffer, inflating gzip or
 * deflate first. Before the webhook() of a version 1 node runs, n8n parses every body except
 * multipart through it, so rawBody is normally set. When it is not, this calls readRawBody()
 * once itself. Its error (n8n throws one when the stream was already consumed) propagates.
 */
export async function readRawBody(request: WebhookRequest): Promise<Buffer | undefined> {
	// The type declares rawBody and readRawBody as always present; another host may lack them.
	const candidate = request as { rawBody?: unknown; readRawBody?: unknown };
	if (!Buffer.isBuffer(candidate.rawBody) && typeof candidate.readRawBody === 'function') {
		await request.readRawBody();
	}
	return Buffer.isBuffer(candidate.rawBody) ? candidate.rawBody : undefined;
}
