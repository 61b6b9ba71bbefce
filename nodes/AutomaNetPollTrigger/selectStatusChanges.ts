import type { IDataObject } from 'n8n-workflow';

import { FIELD, PREVIOUS_STATUS_FIELD } from '../shared/transport/wire';

/**
 * Maximum number of record statuses kept in static data (an estimated 35 bytes each as JSON). n8n saves the
 * static data after every execution the trigger starts, so the map stays small.
 */
export const MAX_TRACKED_STATUSES = 2000;

/**
 * Picks the records whose status changed and records every status seen.
 *
 * A record is a change when its status differs from the last status this trigger saw for it. A
 * record the trigger has not seen is a change unless it still has the status it was created with
 * (a new draft quote or a new pending payment is not a status change). Each emitted record gets
 * `previousStatus`: the status last seen, or null when the trigger had not seen the record.
 *
 * `statuses` is updated in place and keeps the most recently seen records, oldest entry first.
 * NOTE: a record evicted from the map counts as unseen, so an update that leaves its status
 * unchanged (other than the initial one) is emitted once more, with previousStatus null.
 */
export function selectStatusChanges(
	records: IDataObject[],
	statuses: Record<string, string>,
	initialStatus: string,
): IDataObject[] {
	const changes: IDataObject[] = [];

	for (const record of records) {
		const id = String(record[FIELD.id]);
		const status = String(record[FIELD.status] ?? '');
		const previousStatus = Object.prototype.hasOwnProperty.call(statuses, id)
			? statuses[id]
			: undefined;

		const changed =
			previousStatus === undefined ? status !== initialStatus : status !== previousStatus;
		if (changed) changes.push({ ...record, [PREVIOUS_STATUS_FIELD]: previousStatus ?? null });

		// Delete first so the id moves to the end: the map is ordered by when a record was seen.
		delete statuses[id];
		statuses[id] = status;
	}

	evictOldest(statuses);
	return changes;
}

/** Drops the entries seen longest ago until at most MAX_TRACKED_STATUSES remain. */
function evictOldest(statuses: Record<string, string>): void {
	const ids = Object.keys(statuses);
	for (let index = 0; index < ids.length - MAX_TRACKED_STATUSES; index++) {
		delete statuses[ids[index]];
	}
}

/** Records the statuses of existing records without emitting anything, oldest first. */
export function rememberStatuses(records: IDataObject[], statuses: Record<string, string>): void {
	for (const record of records) {
		const id = String(record[FIELD.id]);
		delete statuses[id];
		statuses[id] = String(record[FIELD.status] ?? '');
	}
	evictOldest(statuses);
}
