/** A source of the simulator's current time. */
export type Clock = () => Date;

/**
 * Creates the default clock: wall-clock time, moved forward by at least one millisecond per
 * call, so that records created in one burst still get distinct, sortable timestamps.
 */
export function createMonotonicClock(): Clock {
	let lastMs = 0;
	return () => {
		const nowMs = Math.max(Date.now(), lastMs + 1);
		lastMs = nowMs;
		return new Date(nowMs);
	};
}

/** Formats a time as an ISO 8601 UTC timestamp with milliseconds. */
export function isoTimestamp(clock: Clock): string {
	return clock().toISOString();
}
