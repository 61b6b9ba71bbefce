import { ERROR_CODE, type ApiErrorDetail } from '../nodes/shared/transport/wire';

/** An error response of the simulated API: HTTP status, error code, message and field details. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly details: ApiErrorDetail[] = [],
		readonly headers: Record<string, string> = {},
	) {
		super(message);
		this.name = 'ApiError';
	}

	/** Builds the `{ error: { code, message, details? } }` envelope. */
	toBody(): { error: { code: string; message: string; details?: ApiErrorDetail[] } } {
		const error: { code: string; message: string; details?: ApiErrorDetail[] } = {
			code: this.code,
			message: this.message,
		};
		if (this.details.length > 0) error.details = this.details;
		return { error };
	}
}

export function badRequest(message: string, details: ApiErrorDetail[] = []): ApiError {
	return new ApiError(400, ERROR_CODE.badRequest, message, details);
}

export function notFound(kind: string, id: string): ApiError {
	return new ApiError(404, ERROR_CODE.notFound, `${kind} ${id} was not found`);
}

/** Builds a 409 whose message names the current status and the statuses that allow the action. */
export function invalidState(kind: string, id: string, status: string, allowed: string): ApiError {
	return new ApiError(409, ERROR_CODE.invalidState, `${kind} ${id} is ${status}; only ${allowed}`);
}

export function validationFailed(details: ApiErrorDetail[]): ApiError {
	const fields = [...new Set(details.map((detail) => detail.field || '(body)'))].join(', ');
	return new ApiError(422, ERROR_CODE.validationFailed, `invalid fields: ${fields}`, details);
}

/** Maps an HTTP status to the error code the API uses for it. */
export function errorCodeForStatus(status: number): string {
	if (status === 400) return ERROR_CODE.badRequest;
	if (status === 401) return ERROR_CODE.unauthorized;
	if (status === 403) return ERROR_CODE.forbidden;
	if (status === 404) return ERROR_CODE.notFound;
	if (status === 409) return ERROR_CODE.invalidState;
	if (status === 422) return ERROR_CODE.validationFailed;
	if (status === 429) return ERROR_CODE.rateLimited;
	return ERROR_CODE.serverError;
}
