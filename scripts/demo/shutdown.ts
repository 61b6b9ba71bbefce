/**
 * The demo's process-wide shutdown request (Ctrl-C, SIGTERM). Once requested, no new child
 * process starts, running ones are stopped, and every wait ends at its next check, so the
 * demo's own code unwinds through its cleanups instead of leaving processes behind.
 */
const controller = new AbortController();

export const shutdownSignal: AbortSignal = controller.signal;

export class ShutdownRequestedError extends Error {
	constructor() {
		super('Shutdown requested');
		this.name = 'ShutdownRequestedError';
	}
}

export function requestShutdown(): void {
	controller.abort(new ShutdownRequestedError());
}

export function throwIfShutdownRequested(): void {
	if (shutdownSignal.aborted) throw new ShutdownRequestedError();
}
