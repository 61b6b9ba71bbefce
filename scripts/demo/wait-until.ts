import { throwIfShutdownRequested } from './shutdown';

export interface WaitOptions {
	/** Gives up after this many milliseconds. */
	timeoutMs: number;
	/** Milliseconds between two checks. */
	intervalMs?: number;
}

/** Thrown by a check to end the wait at once, for a failure that retrying cannot fix. */
export class WaitAbortedError extends Error {}

/**
 * Calls `check` until it returns a value other than undefined, and returns that value.
 * Rejects with `description` in the message when the timeout passes first. Errors thrown by
 * `check` count as "not yet", except WaitAbortedError, which ends the wait. A shutdown
 * request also ends the wait, with ShutdownRequestedError.
 */
export async function waitUntil<T>(
	description: string,
	check: () => T | undefined | Promise<T | undefined>,
	options: WaitOptions,
): Promise<T> {
	const deadline = Date.now() + options.timeoutMs;
	const intervalMs = options.intervalMs ?? 200;
	let lastError: unknown;

	for (;;) {
		throwIfShutdownRequested();
		try {
			const value = await check();
			if (value !== undefined) return value;
		} catch (error) {
			if (error instanceof WaitAbortedError) throw error;
			lastError = error;
		}
		if (Date.now() >= deadline) break;
		await delay(intervalMs);
	}

	const reason = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
	throw new Error(`Timed out after ${options.timeoutMs} ms waiting for ${description}${reason}`);
}

export async function delay(milliseconds: number): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, milliseconds));
}
