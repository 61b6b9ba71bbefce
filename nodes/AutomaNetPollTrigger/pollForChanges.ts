import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { readCursor, writeCursor } from './pollCursor';
import type { PollCursor } from './pollCursor';
import type { PollEventName } from './pollEvents';
import { POLL_EVENTS } from './pollEvents';
import { findStartPosition } from './findStartPosition';
import { rememberStatuses, selectStatusChanges } from './selectStatusChanges';
import { walkSinceCursor } from './walkSinceCursor';

/**
 * Maximum list requests in one poll, so at most about 5,000 records at 100 per page. Past it
 * the poll emits what it collected, its cursor stops at the last of those records, and the next
 * poll continues from there.
 */
export const MAX_REQUESTS_PER_POLL = 50;

/** Maximum newest-first pages read to place the cursor on the first poll. */
export const MAX_START_REQUESTS = 10;

/**
 * Share of n8n's poll budget the walk may use before it stops sending requests. n8n-workflow
 * 2.41.0 documents the budget as the time after which the engine abandons the poll (n8n-core
 * 2.41.1 gives 5 minutes by default), so the walk stops at half of it and leaves the rest to the
 * next poll.
 */
const BUDGET_SHARE = 0.5;

/** Used when the n8n version offers no poll budget: the 5 minutes n8n-core 2.41.1 gives by default. */
const DEFAULT_POLL_BUDGET_MS = 5 * 60 * 1000;

/**
 * Runs one scheduled poll: emits the records that changed since the stored cursor and moves the
 * cursor past them. The first poll of a workflow only places the cursor after the newest
 * existing record and emits nothing. On an error nothing is written, so the next poll repeats
 * the same window.
 */
export async function pollForChanges(
	this: IPollFunctions,
	eventName: PollEventName,
): Promise<INodeExecutionData[][] | null> {
	const event = POLL_EVENTS[eventName];
	const staticData = this.getWorkflowStaticData('node');
	const cursor = readCursor(staticData, eventName);

	if (cursor === undefined) {
		const start = await findStartPosition.call(this, event, MAX_START_REQUESTS);
		const statuses: Record<string, string> = {};
		// Knowing the current statuses lets the first change of these records name its previousStatus.
		if (event.initialStatus !== undefined)
			rememberStatuses([...start.newestRecords].reverse(), statuses);
		writeCursor(staticData, { event: eventName, ...start.position, statuses });
		this.logger.info('Automa.Net poll trigger placed its cursor after the newest record', {
			event: eventName,
			at: start.position.at,
		});
		return null;
	}

	const deadlineMs = Date.now() + pollBudgetMs(this) * BUDGET_SHARE;
	const walk = await walkSinceCursor.call(this, event, cursor, {
		maxRequests: MAX_REQUESTS_PER_POLL,
		deadlineMs,
	});

	let emitted: IDataObject[] = walk.records;
	const statuses = { ...cursor.statuses };
	if (event.initialStatus !== undefined) {
		emitted = selectStatusChanges(walk.records, statuses, event.initialStatus);
	}

	const next: PollCursor = { event: eventName, ...walk.position, statuses };
	// An unchanged cursor is not written, so a quiet poll costs n8n no static data save.
	if (JSON.stringify(next) !== JSON.stringify(cursor)) writeCursor(staticData, next);

	if (!walk.complete) {
		this.logger.info(
			'Automa.Net poll trigger stopped at its request limit; the next poll continues',
			{
				event: eventName,
				requests: walk.requests,
				records: walk.records.length,
				at: next.at,
			},
		);
	}
	return emitted.length > 0 ? [this.helpers.returnJsonArray(emitted)] : null;
}

function pollBudgetMs(context: IPollFunctions): number {
	// n8n-workflow 2.41 declares getPollBudgetMs; older n8n versions may not provide it.
	return typeof context.getPollBudgetMs === 'function'
		? context.getPollBudgetMs()
		: DEFAULT_POLL_BUDGET_MS;
}
