import { invalidState } from './apiError';
import type { SimulatorContext } from './context';
import type {
	OpenChannel,
	Order,
	Payment,
	PaymentMethod,
	PaymentStatus,
	Quote,
	Rfq,
} from './models';
import { createOrderFromQuote } from './orders';
import { changePaymentStatus, createOrderPayment } from './payments';
import { storeRfq, type RfqDraft } from './rfqs';

// The buyer's side of the marketplace, which the supplier's API cannot reach. Each action
// changes the data the way a buyer would and emits the webhook events the contract lists.

/** Posts a new RFQ; a received RFQ emits `rfq.received`. */
export function postRfq(context: SimulatorContext, draft: RfqDraft = {}): Rfq {
	const now = context.clock().toISOString();
	const rfq = storeRfq(context, {
		...draft,
		createdAt: now,
		updatedAt: now,
		expiresAt: draft.expiresAt,
	});
	if (rfq.direction === 'received') context.events.publish('rfq.received', rfq);
	return rfq;
}

/** Records that the buyer opened a quote and emits `quote.opened`; a draft cannot be opened. */
export function openQuote(context: SimulatorContext, quoteId: string, channel: OpenChannel): Quote {
	const quote = context.store.getQuote(quoteId);
	if (quote.status === 'draft') {
		throw invalidState('quote', quote.id, quote.status, 'quotes that were sent can be opened');
	}
	const openedAt = context.clock().toISOString();
	const opens = context.store.quoteOpens.get(quote.id) ?? [];
	opens.push({ channel, openedAt });
	context.store.quoteOpens.set(quote.id, opens);
	quote.tracking = {
		opened: true,
		openCount: opens.length,
		firstOpenedAt: quote.tracking.firstOpenedAt ?? openedAt,
		lastOpenedAt: openedAt,
	};
	quote.updatedAt = openedAt;
	context.events.publish('quote.opened', { quoteId: quote.id, channel, openedAt });
	return quote;
}

function requireSent(quote: Quote, action: string): void {
	if (quote.status !== 'sent') {
		throw invalidState('quote', quote.id, quote.status, `sent quotes can be ${action}`);
	}
}

/**
 * Accepts a sent quote, which emits `quote.accepted` and `order.received`. With Stripe the
 * payment follows at once (`payment.created`, `order.payment_assigned`). With bank transfer it
 * waits until the supplier accepts the order.
 */
export function acceptQuote(
	context: SimulatorContext,
	quoteId: string,
	paymentMethod: PaymentMethod,
): { quote: Quote; order: Order; payment: Payment | null } {
	const quote = context.store.getQuote(quoteId);
	requireSent(quote, 'accepted');
	quote.status = 'accepted';
	quote.updatedAt = context.clock().toISOString();
	context.events.publish('quote.accepted', quote);

	const order = createOrderFromQuote(context, quote, paymentMethod);
	context.events.publish('order.received', order);
	const payment = paymentMethod === 'stripe' ? createOrderPayment(context, order) : null;
	return { quote, order, payment };
}

/** Declines a sent quote and emits `quote.declined` with `declineReason`. */
export function declineQuote(context: SimulatorContext, quoteId: string, reason: string): Quote {
	const quote = context.store.getQuote(quoteId);
	requireSent(quote, 'declined');
	quote.status = 'declined';
	quote.declineReason = reason;
	quote.updatedAt = context.clock().toISOString();
	context.events.publish('quote.declined', quote);
	return quote;
}

/** Lets a sent quote expire and emits `quote.expired`. */
export function expireQuote(context: SimulatorContext, quoteId: string): Quote {
	const quote = context.store.getQuote(quoteId);
	requireSent(quote, 'expired');
	quote.status = 'expired';
	quote.updatedAt = context.clock().toISOString();
	context.events.publish('quote.expired', quote);
	return quote;
}

/** Sets any payment's status from the buyer's or the payment provider's side. */
export function setPaymentStatusByBuyer(
	context: SimulatorContext,
	paymentId: string,
	status: PaymentStatus,
): Payment {
	return changePaymentStatus(context, context.store.getPayment(paymentId), status);
}
