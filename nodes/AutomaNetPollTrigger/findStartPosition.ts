import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { requestListPage } from '../shared/transport/request';
import { FIELD, MAX_PER_PAGE } from '../shared/transport/wire';
import { timestampMs } from './pollCursor';
import type { PollEvent } from './pollEvents';
import type { WalkPosition } from './walkSinceCursor';

export interface StartPosition {
	position: WalkPosition;
	/** The newest records, newest first, that the search read. */
	newestRecords: IDataObject[];
}

/**
 * Finds where the first poll starts: just after the newest existing record, so nothing that
 * exists at activation is emitted. The newest record's time comes from the API rather than from
 * this machine's clock, so a clock skew between n8n and Automa.Net loses nothing.
 *
 * Every record sharing the newest time goes into `idsAt`; the search reads newest-first pages
 * until it meets an older time, for at most `maxRequests` pages. With no records at all the
 * position is empty and the next poll emits every record it finds.
 */
export async function findStartPosition(
	this: IPollFunctions,
	event: PollEvent,
	maxRequests: number,
): Promise<StartPosition> {
	const newestRecords: IDataObject[] = [];
	let at = '';
	let newestMs = Number.NaN;
	const idsAt: string[] = [];

	for (let page = 1; page <= maxRequests; page++) {
		const listPage = await requestListPage.call(
			this,
			event.path,
			{ sort: event.descendingSort },
			page,
			MAX_PER_PAGE,
		);
		newestRecords.push(...listPage.records);

		for (const record of listPage.records) {
			const time = String(record[event.timeField] ?? '');
			const ms = timestampMs(time);
			if (Number.isNaN(newestMs)) newestMs = ms;
			if (ms !== newestMs) return { position: { at, idsAt }, newestRecords };
			// Newest first, so the last record of the newest millisecond has its earliest time.
			at = time;
			idsAt.push(String(record[FIELD.id]));
		}

		if (listPage.records.length < MAX_PER_PAGE || page >= listPage.totalPages) break;
	}

	// After maxRequests full pages of one timestamp, the rest of that time's records are not in
	// idsAt, so the next poll emits them as new.
	return { position: { at, idsAt }, newestRecords };
}
