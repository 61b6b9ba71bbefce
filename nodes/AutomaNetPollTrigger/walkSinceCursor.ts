import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { requestListPage } from '../shared/transport/request';
import { FIELD, MAX_PER_PAGE } from '../shared/transport/wire';
import type { ListFilters } from '../shared/transport/wire';
import { timestampMs } from './pollCursor';
import type { PollEvent } from './pollEvents';

/** The part of the cursor that the walk moves: a time and the ids processed at that time. */
export interface WalkPosition {
	at: string;
	idsAt: string[];
}

export interface WalkLimits {
	/** Maximum number of list requests in one poll. */
	maxRequests: number;
	/** Epoch milliseconds after which the walk sends no further request (the first always goes). */
	deadlineMs: number;
}

export interface WalkResult {
	/**
	 * Records after the start position, oldest first. A record appears once per time it was seen
	 * at, so one whose updatedAt changed during the walk appears twice.
	 */
	records: IDataObject[];
	/** Position of the last record in `records`, or the start position when there is none. */
	position: WalkPosition;
	/** False when a limit stopped the walk before the last page; the next poll continues. */
	complete: boolean;
	requests: number;
}

/**
 * Collects every record after `start`, oldest first, walking the list with the largest page size.
 *
 * Each request is for page 1 of the records at or after the newest time seen so far. A record
 * that moves to the end of the list while the walk runs (its updatedAt changed) therefore cannot
 * shift an unseen record onto a page the walk already read. Only when a whole page shares that
 * one time does the walk request the next page number with the same filter.
 */
export async function walkSinceCursor(
	this: IPollFunctions,
	event: PollEvent,
	start: WalkPosition,
	limits: WalkLimits,
): Promise<WalkResult> {
	const records: IDataObject[] = [];
	let at = start.at;
	let atMs = timestampMs(at);
	let idsAt = new Set(start.idsAt);
	let page = 1;
	let requests = 0;

	for (;;) {
		const filters: ListFilters = { sort: event.ascendingSort };
		if (at !== '') filters[event.fromFilter] = at;
		const listPage = await requestListPage.call(this, event.path, filters, page, MAX_PER_PAGE);
		requests++;

		const anchorMs = atMs;
		let wholePageAtAnchor = listPage.records.length > 0;
		for (const record of listPage.records) {
			const { id, time, ms } = readPosition.call(this, event, record);
			if (ms !== anchorMs) wholePageAtAnchor = false;
			// Older than the cursor: only a server that ignores the filter sends it, and it was seen.
			if (ms < atMs) continue;
			if (ms === atMs) {
				if (idsAt.has(id)) continue;
				idsAt.add(id);
			} else {
				at = time;
				atMs = ms;
				idsAt = new Set([id]);
			}
			records.push(record);
		}

		const lastPage = listPage.records.length < MAX_PER_PAGE || page >= listPage.totalPages;
		if (lastPage) {
			return { records, position: { at, idsAt: [...idsAt] }, complete: true, requests };
		}
		// The first request always goes out, so even a poll that starts late makes progress.
		if (requests >= limits.maxRequests || Date.now() >= limits.deadlineMs) {
			return { records, position: { at, idsAt: [...idsAt] }, complete: false, requests };
		}
		// NOTE: within one timestamp the walk pages by number, so a record that leaves that time
		// mid-walk can shift an unseen one onto a page already read. More than maxRequests full
		// pages at one timestamp are never passed, because every poll starts again at page 1.
		page = wholePageAtAnchor ? page + 1 : 1;
	}
}

/** Reads a record's id and the time the walk follows; throws when the API left either out. */
function readPosition(
	this: IPollFunctions,
	event: PollEvent,
	record: IDataObject,
): { id: string; time: string; ms: number } {
	const id = record[FIELD.id];
	const time = record[event.timeField];
	const ms = typeof time === 'string' ? timestampMs(time) : Number.NaN;
	if (typeof id !== 'string' || id === '' || typeof time !== 'string' || Number.isNaN(ms)) {
		throw new NodeOperationError(
			this.getNode(),
			`Automa.Net listed a ${event.label} without a valid id or ${event.timeField}`,
			{
				description: `The record read ${JSON.stringify({ id, [event.timeField]: time })}. The poll stopped without moving its cursor; check the base URL points at the Automa.Net API.`,
			},
		);
	}
	return { id, time, ms };
}
