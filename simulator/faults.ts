import { HEADER } from '../nodes/shared/transport/wire';
import { ApiError, errorCodeForStatus } from './apiError';

interface FailureRule {
	remaining: number;
	status: number;
	retryAfterSeconds?: number;
	/** Whether the call is handled (and stored) first, and only its response is replaced. */
	afterProcessing: boolean;
}

export interface FailNextOptions {
	retryAfterSeconds?: number;
	/**
	 * Whether to handle each call as usual, storing what it creates and its idempotent response,
	 * and then respond with the failure, as when a response is lost after the server acted.
	 * Default false.
	 */
	afterProcessing?: boolean;
}

interface DelayRule {
	remaining: number;
	ms: number;
}

/**
 * Injected faults for the next API calls (admin routes never count). Failures and delays are
 * queued rules, used up one call at a time in the order they were added.
 */
export class Faults {
	private failures: FailureRule[] = [];
	private delays: DelayRule[] = [];

	/**
	 * Fails the next `count` API calls with `status`. A 429 carries `Retry-After`
	 * (`retryAfterSeconds`, default 1) and the code `rate_limited`, and a 5xx has `server_error`.
	 */
	failNext(count: number, status: number, options: FailNextOptions = {}): void {
		this.failures.push({
			remaining: count,
			status,
			retryAfterSeconds: options.retryAfterSeconds,
			afterProcessing: options.afterProcessing ?? false,
		});
	}

	/** Holds the next `count` API calls for `ms` milliseconds before handling them. */
	delayNext(count: number, ms: number): void {
		this.delays.push({ remaining: count, ms });
	}

	clear(): void {
		this.failures = [];
		this.delays = [];
	}

	/** Uses up one delay rule, if any, and returns its delay in milliseconds (0 when none). */
	takeDelay(): number {
		const rule = this.delays[0];
		if (!rule) return 0;
		rule.remaining -= 1;
		if (rule.remaining <= 0) this.delays.shift();
		return rule.ms;
	}

	/**
	 * Uses up one failure rule, if the next one applies at this stage of the call (before or
	 * after processing), and returns the error to respond with.
	 */
	takeFailure(stage: 'beforeProcessing' | 'afterProcessing'): ApiError | undefined {
		const rule = this.failures[0];
		if (!rule || rule.afterProcessing !== (stage === 'afterProcessing')) return undefined;
		rule.remaining -= 1;
		if (rule.remaining <= 0) this.failures.shift();
		const headers: Record<string, string> = {};
		let message = `injected failure with status ${rule.status}`;
		if (rule.status === 429) {
			const seconds = rule.retryAfterSeconds ?? 1;
			headers[HEADER.retryAfter] = String(seconds);
			message = `too many requests; retry after ${seconds} s`;
		} else if (rule.status >= 500) {
			message = 'the server failed to handle the request; retry later';
		}
		return new ApiError(rule.status, errorCodeForStatus(rule.status), message, [], headers);
	}
}
