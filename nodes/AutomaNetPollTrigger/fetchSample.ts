import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { requestListPage } from '../shared/transport/request';
import { FIELD, MAX_PER_PAGE, PREVIOUS_STATUS_FIELD } from '../shared/transport/wire';
import type { PollEvent } from './pollEvents';

/**
 * Fetches the newest record the event matches, as a sample for a manual run. It reads no
 * cursor and moves none. For a status-change event the sample is the most recently updated record,
 * among the newest 100, whose status is no longer the initial one, or else the most recently
 * updated record. Its previousStatus is null because a sample has no history.
 */
export async function fetchSample(
	this: IPollFunctions,
	event: PollEvent,
): Promise<IDataObject | undefined> {
	const perPage = event.initialStatus === undefined ? 1 : MAX_PER_PAGE;
	const listPage = await requestListPage.call(
		this,
		event.path,
		{ sort: event.descendingSort },
		1,
		perPage,
	);
	if (listPage.records.length === 0) return undefined;
	if (event.initialStatus === undefined) return listPage.records[0];

	const changed = listPage.records.find((record) => record[FIELD.status] !== event.initialStatus);
	return { ...(changed ?? listPage.records[0]), [PREVIOUS_STATUS_FIELD]: null };
}
