import type {
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
	ITriggerFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { automaNetApiError } from './apiError';
import { isNodeApiError, isNodeOperationError } from './nodeErrorGuards';
import {
	MAX_RETRIES,
	exceedsRetryAfterCap,
	isSafeToRepeat,
	isServerError,
	networkErrorCode,
	retryAfterMs,
	serverErrorBackoffMs,
} from './retryPolicy';
import { DEFAULT_BASE_URL, HEADER, MAX_PER_PAGE, listQuery, readListPage } from './wire';
import type { ListFilters, ListPage } from './wire';

export const CREDENTIAL_TYPE = 'automaNetApi';

/** Time after which a request that got no response counts as a network error, in milliseconds. */
const REQUEST_TIMEOUT_MS = 60_000;

/**
 * Stop point of requestAllPages against a server that keeps reporting more pages: 1,000 pages of
 * 100 records.
 */
const MAX_LIST_PAGES = 1000;

/** Any n8n function context that can send a request with the automaNetApi credential. */
export type AutomaNetContext =
	| IExecuteFunctions
	| IExecuteSingleFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IPollFunctions
	| ITriggerFunctions
	| IWebhookFunctions;

export interface AutomaNetRequest {
	method: IHttpRequestMethods;
	/** A path from PATH in wire.ts, joined to the credential's base URL. */
	path: string;
	body?: IDataObject;
	query?: IDataObject;
	/** Makes a POST safe to repeat; build it with idempotencyKeyFor. */
	idempotencyKey?: string;
	/** Item the request is for, set on errors so n8n shows which item failed. */
	itemIndex?: number;
	/** Names the object the path points at, e.g. `quote "qt_123"`, for 403 and 404 messages. */
	objectLabel?: string;
}

type Attempt =
	| { kind: 'response'; response: IN8nHttpFullResponse }
	| { kind: 'networkError'; error: NodeApiError; code: string };

async function baseUrlOf(ctx: AutomaNetContext, itemIndex: number): Promise<string> {
	const credentials = await ctx.getCredentials<{ baseUrl?: string }>(CREDENTIAL_TYPE, itemIndex);
	const baseUrl = String(credentials.baseUrl || DEFAULT_BASE_URL);
	return baseUrl.replace(/\/+$/, '');
}

async function sendOnce(ctx: AutomaNetContext, options: IHttpRequestOptions): Promise<Attempt> {
	try {
		const response = (await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			CREDENTIAL_TYPE,
			options,
		)) as IN8nHttpFullResponse;
		return { kind: 'response', response };
	} catch (error) {
		// With ignoreHttpStatusErrors every HTTP response resolves, so a throw here is a failure
		// to get a response at all (or a missing credential, which is not retried).
		const code = networkErrorCode(error);
		if (code && isNodeApiError(error)) return { kind: 'networkError', error, code };
		// n8n's own errors pass through unchanged; anything else is wrapped for the editor.
		throw isNodeApiError(error) || isNodeOperationError(error)
			? error
			: new NodeOperationError(ctx.getNode(), error as Error);
	}
}

function networkError(
	ctx: AutomaNetContext,
	attempt: Extract<Attempt, { kind: 'networkError' }>,
	context: { baseUrl: string; attempts: number; safe: boolean; itemIndex?: number },
): NodeApiError {
	const attempts = context.attempts === 1 ? '1 attempt' : `${context.attempts} attempts`;
	const message = `Could not reach Automa.Net at ${context.baseUrl} (${attempt.code}) after ${attempts}`;
	const error = new NodeApiError(
		ctx.getNode(),
		{ code: attempt.code, message: attempt.error.message },
		{
			message,
			description: context.safe
				? 'Check the base URL in the Automa.Net API credential and the network between n8n and Automa.Net.'
				: 'The request was not repeated because it has no idempotency key, so a repeat could act twice. Check in Automa.Net whether it took effect before running it again.',
			itemIndex: context.itemIndex,
		},
	);
	// NodeApiError swaps a message for a generic text when the error code is a Node.js one.
	error.message = message;
	return error;
}

function retryReason(attempt: Attempt): string {
	return attempt.kind === 'response'
		? `status ${attempt.response.statusCode}`
		: `network error ${attempt.code}`;
}

/**
 * Sends one request to the Automa.Net API with the automaNetApi credential and returns the
 * parsed JSON body (an empty object for an empty body).
 *
 * A 429 is retried after its Retry-After delay, for every method because the server rejected the
 * request before acting on it. A 429 whose delay exceeds RETRY_AFTER_CAP_SECONDS fails at once,
 * without waiting, and its message gives that delay. A 5xx or a network error is retried with a
 * doubling backoff, but only when repeating the request cannot act twice (see isSafeToRepeat). At most MAX_RETRIES retries follow the first attempt. Any other non-2xx
 * response, and the last failed attempt, becomes a NodeApiError.
 */
export async function automaNetApiRequest(
	this: AutomaNetContext,
	request: AutomaNetRequest,
): Promise<IDataObject> {
	const { method, path, body, query, idempotencyKey, itemIndex } = request;
	const baseUrl = await baseUrlOf(this, itemIndex ?? 0);
	const headers: IDataObject = {};
	if (idempotencyKey) headers[HEADER.idempotencyKey] = idempotencyKey;
	const options: IHttpRequestOptions = {
		method,
		url: `${baseUrl}${path}`,
		headers,
		qs: query,
		body,
		json: true,
		timeout: REQUEST_TIMEOUT_MS,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	const safe = isSafeToRepeat(method, idempotencyKey);

	for (let attemptNumber = 1; ; attemptNumber++) {
		const attempt = await sendOnce(this, options);
		const statusCode = attempt.kind === 'response' ? attempt.response.statusCode : 0;
		if (attempt.kind === 'response' && statusCode >= 200 && statusCode < 300) {
			const responseBody = attempt.response.body;
			return responseBody && typeof responseBody === 'object' ? (responseBody as IDataObject) : {};
		}

		const retriesLeft = attemptNumber <= MAX_RETRIES;
		let waitMs: number | undefined;
		let retryAfterSeconds: number | undefined;
		if (statusCode === 429 && attempt.kind === 'response') {
			const requestedMs = retryAfterMs(attempt.response.headers[HEADER.retryAfter]);
			if (exceedsRetryAfterCap(requestedMs)) retryAfterSeconds = Math.ceil(requestedMs / 1000);
			else waitMs = requestedMs;
		} else if ((attempt.kind === 'networkError' || isServerError(statusCode)) && safe) {
			waitMs = serverErrorBackoffMs(attemptNumber);
		}

		if (waitMs !== undefined && retriesLeft) {
			this.logger.warn(
				`Automa.Net ${method} ${path} failed with ${retryReason(attempt)}; retry ${attemptNumber} of ${MAX_RETRIES} in ${waitMs} ms`,
				{ method, path, statusCode, attempt: attemptNumber },
			);
			await sleep(waitMs);
			continue;
		}

		if (attempt.kind === 'networkError') {
			throw networkError(this, attempt, { baseUrl, attempts: attemptNumber, safe, itemIndex });
		}
		throw automaNetApiError(this.getNode(), {
			method,
			path,
			statusCode,
			body: attempt.response.body,
			attempts: attemptNumber,
			retryable: safe,
			retryAfterSeconds,
			objectLabel: request.objectLabel,
			baseUrl,
			itemIndex,
		});
	}
}

/** Fetches one page of a list endpoint. */
export async function requestListPage(
	this: AutomaNetContext,
	path: string,
	filters: ListFilters,
	page: number,
	perPage: number,
	itemIndex?: number,
): Promise<ListPage> {
	const body = await automaNetApiRequest.call(this, {
		method: 'GET',
		path,
		query: listQuery(filters, page, perPage),
		itemIndex,
	});
	return readListPage(body);
}

/**
 * Fetches the records of a list endpoint page by page: MAX_PER_PAGE per page without a limit,
 * min(limit, MAX_PER_PAGE) with one, stopping once the limit is reached, on the last page or on
 * an empty page.
 */
export async function requestAllPages(
	this: AutomaNetContext,
	path: string,
	filters: ListFilters,
	limit?: number,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const perPage = limit === undefined ? MAX_PER_PAGE : Math.max(1, Math.min(limit, MAX_PER_PAGE));
	const records: IDataObject[] = [];

	for (let page = 1; page <= MAX_LIST_PAGES; page++) {
		const listPage = await requestListPage.call(this, path, filters, page, perPage, itemIndex);
		records.push(...listPage.records);

		if (limit !== undefined && records.length >= limit) return records.slice(0, limit);
		if (listPage.records.length === 0 || page >= listPage.totalPages) return records;
	}

	throw new NodeOperationError(
		this.getNode(),
		`Automa.Net kept reporting more pages of ${path} after ${MAX_LIST_PAGES} pages`,
		{
			description: `Stopped after ${records.length} records. Narrow the filters or set a limit.`,
			itemIndex,
		},
	);
}
