import type { IncomingMessage, ServerResponse } from 'node:http';

import { HEADER, bearer } from '../../nodes/shared/transport/wire';
import { ApiError, badRequest } from '../apiError';
import type { Clock } from '../clock';
import type { Faults } from '../faults';
import { IdempotencyStore } from '../idempotency';
import type { Store } from '../store';
import { idempotencyKeySchema } from '../schemas';
import { ERROR_CODE } from '../../nodes/shared/transport/wire';
import type { RouteResult, Router } from './router';

/** Path prefixes of the API and of the admin routes. */
export const API_PREFIX = '/v1';
export const ADMIN_PREFIX = '/_admin';

const MAX_BODY_BYTES = 1024 * 1024;

export interface RequestListenerOptions {
	apiRouter: Router;
	adminRouter: Router;
	apiKey: string;
	faults: Faults;
	idempotency: IdempotencyStore;
	store: Store;
	clock: Clock;
	log: (line: string) => void;
	/** Registers a pending timer so that stopping the simulator can cancel it. */
	trackTimer: (ms: number) => Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		request.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size <= MAX_BODY_BYTES) chunks.push(chunk);
		});
		request.on('end', () => {
			if (size > MAX_BODY_BYTES) reject(badRequest('the request body is larger than 1 MB'));
			else resolve(Buffer.concat(chunks).toString('utf8'));
		});
		request.on('error', reject);
	});
}

/** Parses a JSON body; an empty body is `undefined`. */
function parseJsonBody(rawBody: string): unknown {
	if (rawBody.trim() === '') return undefined;
	try {
		return JSON.parse(rawBody) as unknown;
	} catch (error) {
		throw badRequest(`the request body is not valid JSON: ${(error as Error).message}`);
	}
}

/** Parses a body for the request record: JSON when it parses, else the raw text, or null when empty. */
function bodyForRecord(rawBody: string): unknown {
	if (rawBody === '') return null;
	try {
		return JSON.parse(rawBody) as unknown;
	} catch {
		return rawBody;
	}
}

function requireObjectBody(method: string, body: unknown): unknown {
	if (method === 'GET' || method === 'DELETE') return body;
	if (body === undefined) return {};
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		throw badRequest('the request body must be a JSON object');
	}
	return body;
}

function checkAuthorization(header: string | undefined, apiKey: string): void {
	if (!header) {
		throw new ApiError(
			401,
			ERROR_CODE.unauthorized,
			'the Authorization header is missing; send Authorization: Bearer <API key>',
		);
	}
	if (header !== bearer(apiKey)) {
		throw new ApiError(401, ERROR_CODE.unauthorized, 'the API key is not valid');
	}
}

function send(response: ServerResponse, result: RouteResult): void {
	const headers: Record<string, string> = { ...result.headers };
	if (result.body === undefined || result.status === 204) {
		response.writeHead(result.status, headers);
		response.end();
		return;
	}
	const payload = JSON.stringify(result.body);
	headers['Content-Type'] = 'application/json; charset=utf-8';
	headers['Content-Length'] = String(Buffer.byteLength(payload));
	response.writeHead(result.status, headers);
	response.end(payload);
}

function errorResult(error: unknown, log: (line: string) => void): RouteResult {
	if (error instanceof ApiError) {
		return { status: error.status, body: error.toBody(), headers: error.headers };
	}
	if (error instanceof URIError) {
		return {
			status: 400,
			body: badRequest('the request path is not valid percent-encoding').toBody(),
		};
	}
	log(`simulator error: ${(error as Error).stack ?? String(error)}`);
	return {
		status: 500,
		body: new ApiError(
			500,
			ERROR_CODE.serverError,
			'the simulator failed to handle the request',
		).toBody(),
	};
}

function queryObject(url: URL): Record<string, string> {
	const query: Record<string, string> = {};
	for (const [name, value] of url.searchParams) query[name] = value;
	return query;
}

/** Handles one API request under `/v1`: faults, authentication, idempotency, routing. */
async function handleApiRequest(
	options: RequestListenerOptions,
	request: IncomingMessage,
	path: string,
	query: Record<string, string>,
	rawBody: string,
): Promise<RouteResult> {
	const delayMs = options.faults.takeDelay();
	if (delayMs > 0) await options.trackTimer(delayMs);
	const failure = options.faults.takeFailure('beforeProcessing');
	if (failure) throw failure;
	const result = await routeApiRequest(options, request, path, query, rawBody);
	const lateFailure = options.faults.takeFailure('afterProcessing');
	if (lateFailure) throw lateFailure;
	return result;
}

/** Authenticates, routes and handles one API request, replaying stored idempotent POST responses. */
async function routeApiRequest(
	options: RequestListenerOptions,
	request: IncomingMessage,
	path: string,
	query: Record<string, string>,
	rawBody: string,
): Promise<RouteResult> {
	const method = request.method ?? 'GET';

	checkAuthorization(request.headers.authorization, options.apiKey);
	const body = requireObjectBody(method, parseJsonBody(rawBody));

	const match = options.apiRouter.match(method, path);
	if (!match)
		throw new ApiError(404, ERROR_CODE.notFound, `no route for ${method} ${API_PREFIX}${path}`);

	const keyHeader = request.headers[HEADER.idempotencyKey.toLowerCase()];
	const idempotencyKey = Array.isArray(keyHeader) ? keyHeader[0] : keyHeader;
	if (method !== 'POST' || idempotencyKey === undefined) {
		return match.handler({ method, path, params: match.params, query, body });
	}
	if (!idempotencyKeySchema.safeParse(idempotencyKey).success) {
		throw badRequest('the Idempotency-Key header must have 1 to 255 characters', [
			{ field: HEADER.idempotencyKey, message: 'must have 1 to 255 characters' },
		]);
	}
	const fingerprint = IdempotencyStore.fingerprint(method, path, body);
	const scope = options.apiKey;
	const replay = options.idempotency.lookup(scope, idempotencyKey, fingerprint);
	if (replay)
		return {
			status: replay.status,
			body: replay.body,
			headers: { [HEADER.idempotentReplayed]: 'true' },
		};
	const result = await match.handler({ method, path, params: match.params, query, body });
	if (result.status >= 200 && result.status < 300) {
		options.idempotency.store(scope, idempotencyKey, fingerprint, {
			status: result.status,
			body: result.body,
		});
	}
	return result;
}

async function handleAdminRequest(
	options: RequestListenerOptions,
	request: IncomingMessage,
	path: string,
	query: Record<string, string>,
	rawBody: string,
): Promise<RouteResult> {
	const method = request.method ?? 'GET';
	const body = requireObjectBody(method, parseJsonBody(rawBody));
	const match = options.adminRouter.match(method, path);
	if (!match)
		throw new ApiError(404, ERROR_CODE.notFound, `no route for ${method} ${ADMIN_PREFIX}${path}`);
	return match.handler({ method, path, params: match.params, query, body });
}

/**
 * Creates the HTTP request listener. Every request is logged as one line (method, path, status,
 * milliseconds) with no query string, header or body, so no key or secret reaches the log.
 * API requests are also recorded in the store, without headers.
 */
export function createRequestListener(
	options: RequestListenerOptions,
): (request: IncomingMessage, response: ServerResponse) => void {
	return (request, response) => {
		const startedMs = Date.now();
		const method = request.method ?? 'GET';
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		const query = queryObject(url);
		const isApi = url.pathname === API_PREFIX || url.pathname.startsWith(`${API_PREFIX}/`);
		const isAdmin = url.pathname === ADMIN_PREFIX || url.pathname.startsWith(`${ADMIN_PREFIX}/`);
		let recordedBody: unknown = null;

		const handle = async (): Promise<RouteResult> => {
			const rawBody = await readBody(request);
			recordedBody = bodyForRecord(rawBody);
			if (isApi) {
				const path = url.pathname.slice(API_PREFIX.length) || '/';
				return handleApiRequest(options, request, path, query, rawBody);
			}
			if (isAdmin) {
				const path = url.pathname.slice(ADMIN_PREFIX.length) || '/';
				return handleAdminRequest(options, request, path, query, rawBody);
			}
			throw new ApiError(404, ERROR_CODE.notFound, `no route for ${method} ${url.pathname}`);
		};

		void handle()
			.catch((error: unknown) => errorResult(error, options.log))
			.then((result) => {
				if (response.destroyed) return;
				send(response, result);
				options.log(`${method} ${url.pathname} ${result.status} ${Date.now() - startedMs}ms`);
				if (!isApi) return;
				const keyHeader = request.headers[HEADER.idempotencyKey.toLowerCase()];
				options.store.requests.push({
					method,
					path: url.pathname.slice(API_PREFIX.length) || '/',
					query,
					body: recordedBody,
					idempotencyKey: (Array.isArray(keyHeader) ? keyHeader[0] : keyHeader) ?? null,
					status: result.status,
					at: options.clock().toISOString(),
				});
			});
	};
}
