import type { INodePropertyOptions } from 'n8n-workflow';

import { ALL_EVENTS, EVENT } from '../transport/wire';

/** The choices of the trigger's Trigger On field: All Events and each event type, sorted A-Z. */
export const EVENT_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'All Events',
		value: ALL_EVENTS,
		description: 'Every event type, including types Automa.Net adds later',
	},
	{
		name: 'Order Payment Assigned',
		value: EVENT.orderPaymentAssigned,
		description: 'A payment is assigned to an order',
	},
	{
		name: 'Order Received',
		value: EVENT.orderReceived,
		description: 'A buyer accepted a quote and Automa.Net created the order',
	},
	{
		name: 'Payment Created',
		value: EVENT.paymentCreated,
		description:
			'Automa.Net created a payment, after Accept Order for bank transfer or after Order Received for Stripe',
	},
	{
		name: 'Payment Status Updated',
		value: EVENT.paymentStatusUpdated,
		description: 'The status of a payment changed',
	},
	{
		name: 'Quote Accepted',
		value: EVENT.quoteAccepted,
		description: 'A buyer accepted a quote',
	},
	{
		name: 'Quote Declined',
		value: EVENT.quoteDeclined,
		description: 'A buyer declined a quote',
	},
	{
		name: 'Quote Expired',
		value: EVENT.quoteExpired,
		description: 'A quote passed its valid-until date before the buyer accepted or declined it',
	},
	{
		name: 'Quote Opened',
		value: EVENT.quoteOpened,
		description: 'A buyer opened a quote in the portal or in the email',
	},
	{
		name: 'RFQ Received',
		value: EVENT.rfqReceived,
		description: 'A buyer sent a request for quotation',
	},
];

/**
 * Turns the chosen Trigger On values into the event list of a subscription: `["*"]` when All
 * Events is among them, otherwise the chosen types without repeats, sorted.
 */
export function subscribedEvents(chosen: string[]): string[] {
	if (chosen.includes(ALL_EVENTS)) return [ALL_EVENTS];
	return [...new Set(chosen)].sort();
}

/** Returns whether two subscription event lists cover the same event types. */
export function sameEventSet(left: string[], right: string[]): boolean {
	const leftSet = subscribedEvents(left);
	const rightSet = subscribedEvents(right);
	return (
		leftSet.length === rightSet.length && leftSet.every((event, index) => event === rightSet[index])
	);
}

/** Returns whether a subscription event list covers an event type. */
export function coversEvent(events: string[], eventType: string): boolean {
	return events.includes(ALL_EVENTS) || events.includes(eventType);
}
