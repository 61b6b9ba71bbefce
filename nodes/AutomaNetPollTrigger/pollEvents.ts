import { FIELD, INITIAL_STATUS, LIST_SORT, PATH } from '../shared/transport/wire';
import type { ListSort } from '../shared/transport/wire';

export type PollEventName = 'newOrder' | 'newRfq' | 'paymentStatusChanged' | 'quoteStatusChanged';

/** Definition of one poll event: its list endpoint, the time field its cursor follows and the sorts. */
export interface PollEvent {
	/** Record label used in log lines and error messages, e.g. "quote". */
	label: string;
	path: string;
	/** Record field that orders the walk and that the cursor follows. */
	timeField: typeof FIELD.createdAt | typeof FIELD.updatedAt;
	/** List filter that keeps records at or after the cursor (the filter is inclusive). */
	fromFilter: 'createdFrom' | 'updatedFrom';
	ascendingSort: ListSort;
	descendingSort: ListSort;
	/**
	 * Status every record of this kind is created with. Set only for status-change events: a
	 * record is emitted when its status differs from the one the trigger last saw.
	 */
	initialStatus?: string;
}

export const POLL_EVENTS: Record<PollEventName, PollEvent> = {
	newRfq: {
		label: 'received RFQ',
		path: PATH.rfqs('received'),
		timeField: FIELD.createdAt,
		fromFilter: 'createdFrom',
		ascendingSort: LIST_SORT.createdOldestFirst,
		descendingSort: LIST_SORT.createdNewestFirst,
	},
	quoteStatusChanged: {
		label: 'quote',
		path: PATH.quotes,
		timeField: FIELD.updatedAt,
		fromFilter: 'updatedFrom',
		ascendingSort: LIST_SORT.updatedOldestFirst,
		descendingSort: LIST_SORT.updatedNewestFirst,
		initialStatus: INITIAL_STATUS.quote,
	},
	newOrder: {
		label: 'order',
		path: PATH.orders,
		timeField: FIELD.createdAt,
		fromFilter: 'createdFrom',
		ascendingSort: LIST_SORT.createdOldestFirst,
		descendingSort: LIST_SORT.createdNewestFirst,
	},
	paymentStatusChanged: {
		label: 'payment',
		path: PATH.payments,
		timeField: FIELD.updatedAt,
		fromFilter: 'updatedFrom',
		ascendingSort: LIST_SORT.updatedOldestFirst,
		descendingSort: LIST_SORT.updatedNewestFirst,
		initialStatus: INITIAL_STATUS.payment,
	},
};

/** Returns the event definition, or undefined for a value the node does not offer. */
export function findPollEvent(name: string): PollEvent | undefined {
	return Object.prototype.hasOwnProperty.call(POLL_EVENTS, name)
		? POLL_EVENTS[name as PollEventName]
		: undefined;
}
