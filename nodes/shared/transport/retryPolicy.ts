import type { IHttpRequestMethods } from 'n8n-workflow';

/** Retries after the first attempt, so a request is sent at most MAX_RETRIES + 1 times. */
export const MAX_RETRIES = 3;

/**
 * Longest Retry-After delay the transport waits for, in seconds. A 429 that requests a longer
 * delay fails at once without a retry, because a shorter wait would most likely end in another
 * 429. One rate-limited call therefore blocks the execution for at most MAX_RETRIES minutes.
 */
export const RETRY_AFTER_CAP_SECONDS = 60;

/** Wait before a retry of a 429 without a usable Retry-After header, in seconds. */
const DEFAULT_RATE_LIMIT_WAIT_SECONDS = 1;

/** First backoff after a 5xx or a network error, in milliseconds; it doubles on each retry. */
const SERVER_ERROR_BACKOFF_MS = 250;

/** Node.js and axios error codes of failures where the request may not have reached the server. */
const NETWORK_ERROR_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ECONNABORTED',
	'ETIMEDOUT',
	'EPIPE',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'EAI_AGAIN',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/**
 * Whether repeating the request cannot act twice: GET, PUT, DELETE and PATCH (every PATCH of
 * this API sets an absolute value), and a POST that carries an Idempotency-Key.
 */
export function isSafeToRepeat(method: IHttpRequestMethods, idempotencyKey?: string): boolean {
	if (method === 'POST') return Boolean(idempotencyKey);
	return method === 'GET' || method === 'PUT' || method === 'DELETE' || method === 'PATCH';
}

export function isServerError(statusCode: number): boolean {
	return statusCode >= 500 && statusCode <= 599;
}

/**
 * Reads a Retry-After header (delay in seconds or an HTTP date) into the delay it requests, in
 * milliseconds and not capped. A missing or unparsable header gives
 * DEFAULT_RATE_LIMIT_WAIT_SECONDS, and a date in the past gives 0.
 */
export function retryAfterMs(retryAfter: unknown, now: number = Date.now()): number {
	const text = Array.isArray(retryAfter) ? String(retryAfter[0]) : String(retryAfter ?? '');
	let waitMs = DEFAULT_RATE_LIMIT_WAIT_SECONDS * 1000;

	if (/^\s*\d+(\.\d+)?\s*$/.test(text)) {
		waitMs = Number(text) * 1000;
	} else if (text.trim() !== '') {
		const date = Date.parse(text);
		if (!Number.isNaN(date)) waitMs = Math.max(0, date - now);
	}

	return Math.round(waitMs);
}

/** Whether a Retry-After delay, in milliseconds, is longer than RETRY_AFTER_CAP_SECONDS. */
export function exceedsRetryAfterCap(waitMs: number): boolean {
	return waitMs > RETRY_AFTER_CAP_SECONDS * 1000;
}

/** Backoff before retry number `retry` (1-based) after a 5xx or a network error. */
export function serverErrorBackoffMs(retry: number): number {
	return SERVER_ERROR_BACKOFF_MS * 2 ** (retry - 1);
}

/** Reads the Node.js error code of a failed request, looking through wrapping errors. */
export function networkErrorCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string' && NETWORK_ERROR_CODES.has(code)) return code;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}
