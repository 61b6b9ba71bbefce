/**
 * Rate limit for the warnings about rejected deliveries. Anyone who has a webhook URL can post
 * to it without a valid signature, so one line per rejection would let them fill n8n's log.
 *
 * Per workflow, node and reason, the first rejection is logged. Later ones are counted, and a
 * rejection that arrives once the window since the last line has passed is logged with that
 * count. Counts of rejections after the last line are reported only when the next one arrives.
 *
 * The state is module-level because n8n loads a node's class once per process. Entries are never
 * removed, so their number is bounded by the trigger nodes of the instance times the rejection
 * reasons.
 */

export interface RejectionLogLimit {
	/** Minimum time between two lines for the same workflow, node and reason, in milliseconds. */
	windowMs: number;
	/** Clock, in milliseconds since the Unix epoch. */
	now: () => number;
}

/** Count and age of the log line for one rejection that gets a line. */
export interface RejectionLogLine {
	/** Rejections with this key since the last line, this one included. */
	rejectedSinceLastLine: number;
	/** Milliseconds since the last line, or undefined for the first line of the key. */
	msSinceLastLine?: number;
}

interface KeyState {
	lastLineAt: number;
	/** Rejections counted but not logged since lastLineAt. */
	unlogged: number;
}

const DEFAULT_LIMIT: RejectionLogLimit = { windowMs: 60_000, now: () => Date.now() };

let limit: RejectionLogLimit = DEFAULT_LIMIT;

const states = new Map<string, KeyState>();

/**
 * Replaces the window or the clock of the limit, e.g. with a test's clock, and clears every
 * count. Called without an argument, it restores the 60 s window on Date.now().
 */
export function setRejectionLogLimit(next: Partial<RejectionLogLimit> = {}): void {
	limit = { ...DEFAULT_LIMIT, ...next };
	states.clear();
}

/**
 * Counts one rejection and returns its log line, or undefined when it is only counted. The key
 * identifies the workflow, the node and the reason.
 */
export function countRejection(key: string): RejectionLogLine | undefined {
	const now = limit.now();
	const state = states.get(key);
	if (!state) {
		states.set(key, { lastLineAt: now, unlogged: 0 });
		return { rejectedSinceLastLine: 1 };
	}

	const msSinceLastLine = now - state.lastLineAt;
	if (msSinceLastLine < limit.windowMs) {
		state.unlogged += 1;
		return undefined;
	}

	const line = { rejectedSinceLastLine: state.unlogged + 1, msSinceLastLine };
	state.lastLineAt = now;
	state.unlogged = 0;
	return line;
}
