import type { IHttpRequestMethods, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { RETRY_AFTER_CAP_SECONDS } from './retryPolicy';
import { DEFAULT_BASE_URL, ERROR_CODE, STATUS_RULES, readApiError } from './wire';
import type { ApiErrorBody } from './wire';

/** Details of a failed request: the request, the last response and the number of attempts. */
export interface FailedRequest {
	method: IHttpRequestMethods;
	path: string;
	statusCode: number;
	body: unknown;
	attempts: number;
	/** Whether the transport would have retried a 5xx; false for a POST without a key. */
	retryable: boolean;
	/**
	 * Delay requested by a 429 beyond RETRY_AFTER_CAP_SECONDS, in seconds rounded up. Set when the
	 * transport failed without waiting for it.
	 */
	retryAfterSeconds?: number;
	/** Names the object the path points at, e.g. `quote "qt_123"`. */
	objectLabel?: string;
	/** The credential's base URL without a trailing slash, named when an endpoint is missing. */
	baseUrl?: string;
	itemIndex?: number;
}

interface ErrorText {
	message: string;
	description: string;
}

function serverMessage(error: ApiErrorBody | undefined): string {
	if (!error?.message) return '';
	const message = /[.!?]$/.test(error.message) ? error.message : `${error.message}.`;
	return `Automa.Net returned: ${message}`;
}

function joinSentences(...parts: string[]): string {
	return parts.filter((part) => part !== '').join(' ');
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function attemptsText(attempts: number): string {
	return attempts === 1 ? '1 attempt' : `${attempts} attempts`;
}

function statusRuleFor(method: string, path: string): string | undefined {
	return STATUS_RULES.find((rule) => rule.method === method && rule.path.test(path))?.rule;
}

function unauthorizedText(): ErrorText {
	return {
		message: 'The Automa.Net API key was rejected',
		description:
			'Check the API key and the base URL in the Automa.Net API credential. The key must be active in Automa.Net under Settings, API integration, and the base URL must point at the API that issued it.',
	};
}

function forbiddenText(failure: FailedRequest, error: ApiErrorBody | undefined): ErrorText {
	const target = failure.objectLabel ?? `${failure.method} ${failure.path}`;
	return {
		message: `The Automa.Net API key is not allowed to access ${target}`,
		description: joinSentences(
			serverMessage(error),
			'Check that the object belongs to the supplier account of this API key.',
		),
	};
}

function notFoundText(failure: FailedRequest, error: ApiErrorBody | undefined): ErrorText {
	if (failure.objectLabel) {
		return {
			message: `${capitalize(failure.objectLabel)} was not found in Automa.Net`,
			description: joinSentences(
				serverMessage(error),
				'Check the ID, and that the object belongs to the supplier account of this API key.',
			),
		};
	}

	// Without an object label the path is a fixed endpoint such as a list or /me, so a 404 means
	// the base URL is wrong, most often because it lacks /v1. The trigger's webhook delete also
	// has no label, but it treats a 404 as already deleted and never shows this message.
	const baseUrl = failure.baseUrl ? ` (${failure.baseUrl})` : '';
	return {
		message: `The Automa.Net endpoint ${failure.method} ${failure.path} was not found`,
		description: joinSentences(
			serverMessage(error),
			`The base URL${baseUrl} does not point at the Automa.Net API. Check that the base URL in the Automa.Net API credential ends with /v1, e.g. ${DEFAULT_BASE_URL}.`,
		),
	};
}

function invalidStateText(failure: FailedRequest, error: ApiErrorBody | undefined): ErrorText {
	const rule = statusRuleFor(failure.method, failure.path);
	const target = failure.objectLabel ? ` on ${failure.objectLabel}` : '';
	return {
		message: `Automa.Net rejected the action${target}: ${error?.message || 'its current status does not allow it'}`,
		description: joinSentences(
			rule ?? "The object's current status does not allow this action.",
			'Fetch the object to see its current status before repeating the action.',
		),
	};
}

function idempotencyKeyReusedText(): ErrorText {
	return {
		message:
			'Automa.Net rejected the request because its idempotency key was already used with a different body',
		description:
			"The node sends the same key when n8n's Retry On Fail repeats it within one execution. This happens when the item's data changed between tries. Run the workflow again, which sends a new key.",
	};
}

function validationText(error: ApiErrorBody | undefined): ErrorText {
	const details = error?.details ?? [];
	const problems = details.map((detail) => `${detail.field || '(body)'} ${detail.message}`);
	const message =
		problems.length > 0
			? `Automa.Net rejected invalid fields: ${problems.join('; ')}`
			: `Automa.Net rejected the request as invalid: ${error?.message || 'no details given'}`;
	return {
		message,
		description: joinSentences(
			serverMessage(error),
			'Correct the listed fields in the node parameters or the input item.',
		),
	};
}

function rateLimitedText(failure: FailedRequest): ErrorText {
	return {
		message: `Automa.Net rate-limited the request on each of ${attemptsText(failure.attempts)}`,
		description:
			'Automa.Net limits how many requests an API key may send. Wait a minute before running the workflow again, or send fewer items per execution.',
	};
}

// n8n-core 2.41.1 (WorkflowExecute.getRetryParams) clamps a node's Wait Between Tries to 5000 ms,
// so Retry On Fail cannot wait for a delay above RETRY_AFTER_CAP_SECONDS.
function retryAfterTooLongText(retryAfterSeconds: number): ErrorText {
	return {
		message: `Automa.Net rate-limited the request and requested a wait of ${retryAfterSeconds} seconds`,
		description: `The node waits at most ${RETRY_AFTER_CAP_SECONDS} seconds for a rate limit, so it failed without retrying. Run the workflow again after that delay, or lower the request rate, e.g. by sending fewer items per execution. Retry On Fail cannot cover this delay, because n8n caps Wait Between Tries at 5 seconds.`,
	};
}

function serverErrorText(failure: FailedRequest, error: ApiErrorBody | undefined): ErrorText {
	const notRetried = failure.retryable
		? ''
		: 'The request was not repeated because it has no idempotency key, so a repeat could act twice. Check in Automa.Net whether it took effect before running it again.';
	return {
		message: `Automa.Net failed with server error ${failure.statusCode} after ${attemptsText(failure.attempts)}`,
		description: joinSentences(serverMessage(error), notRetried),
	};
}

function otherStatusText(failure: FailedRequest, error: ApiErrorBody | undefined): ErrorText {
	return {
		message: `Automa.Net rejected ${failure.method} ${failure.path} with status ${failure.statusCode}`,
		description: serverMessage(error) || 'Automa.Net sent no error message.',
	};
}

function errorTextFor(failure: FailedRequest, error: ApiErrorBody | undefined): ErrorText {
	const { statusCode } = failure;
	if (statusCode === 401) return unauthorizedText();
	if (statusCode === 403) return forbiddenText(failure, error);
	if (statusCode === 404) return notFoundText(failure, error);
	if (statusCode === 409 && error?.code === ERROR_CODE.idempotencyKeyReused) {
		return idempotencyKeyReusedText();
	}
	if (statusCode === 409) return invalidStateText(failure, error);
	if (statusCode === 422) return validationText(error);
	if (statusCode === 429 && failure.retryAfterSeconds !== undefined) {
		return retryAfterTooLongText(failure.retryAfterSeconds);
	}
	if (statusCode === 429) return rateLimitedText(failure);
	if (statusCode >= 500) return serverErrorText(failure, error);
	return otherStatusText(failure, error);
}

/**
 * Builds the NodeApiError for a non-2xx response, with a message per status. The message and the
 * error context contain only the method, path, status and the server's error body, never a
 * request header, so neither the API key nor the idempotency key can leak.
 */
export function automaNetApiError(node: INode, failure: FailedRequest): NodeApiError {
	const error = readApiError(failure.body);
	const text = errorTextFor(failure, error);
	const response: JsonObject = {
		statusCode: failure.statusCode,
		method: failure.method,
		path: failure.path,
		attempts: failure.attempts,
	};
	if (failure.retryAfterSeconds !== undefined) {
		response.retryAfterSeconds = failure.retryAfterSeconds;
	}
	if (error) {
		response.error = {
			code: error.code,
			message: error.message,
			details: error.details.map((detail) => ({ ...detail })),
		};
	}

	const apiError = new NodeApiError(node, response, {
		message: text.message,
		description: text.description,
		httpCode: String(failure.statusCode),
		itemIndex: failure.itemIndex,
	});
	// NodeApiError replaces any message containing a Node.js error code such as EPERM with a
	// generic text, so the message is set again to keep the server wording it quotes.
	apiError.message = text.message;
	return apiError;
}
