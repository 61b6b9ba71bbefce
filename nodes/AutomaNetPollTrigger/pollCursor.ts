import type { IDataObject } from 'n8n-workflow';

import type { PollEventName } from './pollEvents';

/**
 * Position at which the last poll stopped, kept in the node's workflow static data.
 *
 * The list filters are inclusive, so the next poll requests records at or after `at` and skips
 * the ids in `idsAt`, the records already processed at exactly that time. Several records that
 * share a timestamp therefore neither repeat nor get lost, even across a page boundary. A record
 * that the API lists only after the cursor has passed its time (a late write) is never emitted.
 */
export interface PollCursor {
	/** The event the cursor belongs to; a cursor of another event is discarded. */
	event: PollEventName;
	/** ISO 8601 time of the last processed record, as the API returned it; '' before any record. */
	at: string;
	/** Ids of the processed records whose time is `at`, to the millisecond. */
	idsAt: string[];
	/** Last status seen per record id, oldest entry first; used by status-change events only. */
	statuses: Record<string, string>;
}

/** Static data key of the cursor, inside the node's own static data. */
const CURSOR_KEY = 'cursor';

/** Reads the cursor of `event`; undefined when none is stored, it is malformed or for another event. */
export function readCursor(staticData: IDataObject, event: PollEventName): PollCursor | undefined {
	const stored = staticData[CURSOR_KEY] as IDataObject | undefined;
	if (!stored || typeof stored !== 'object' || stored.event !== event) return undefined;
	if (typeof stored.at !== 'string' || !Array.isArray(stored.idsAt)) return undefined;

	const statuses: Record<string, string> = {};
	if (stored.statuses && typeof stored.statuses === 'object') {
		for (const [id, status] of Object.entries(stored.statuses as IDataObject)) {
			statuses[id] = String(status);
		}
	}
	return { event, at: stored.at, idsAt: (stored.idsAt as unknown[]).map(String), statuses };
}

/** Replaces the stored cursor with plain copies, so n8n detects the change and saves it. */
export function writeCursor(staticData: IDataObject, cursor: PollCursor): void {
	staticData[CURSOR_KEY] = {
		event: cursor.event,
		at: cursor.at,
		idsAt: [...cursor.idsAt],
		statuses: { ...cursor.statuses },
	};
}

/**
 * Parses an API timestamp to epoch milliseconds. Records are grouped per millisecond, so a
 * server that sends finer fractions still has every record of one millisecond in `idsAt`.
 */
export function timestampMs(timestamp: string): number {
	return timestamp === '' ? Number.NEGATIVE_INFINITY : Date.parse(timestamp);
}
