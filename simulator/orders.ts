import { invalidState } from './apiError';
import type { SimulatorContext } from './context';
import { createId } from './ids';
import { clone, type Order, type PaymentMethod, type Quote } from './models';
import { createOrderPayment } from './payments';

/** Creates the order of an accepted quote, in status `received`. */
export function createOrderFromQuote(
	context: SimulatorContext,
	quote: Quote,
	paymentMethod: PaymentMethod,
): Order {
	const now = context.clock().toISOString();
	const order: Order = {
		id: createId('ord'),
		number: context.store.nextNumber('order'),
		quoteId: quote.id,
		rfqId: quote.rfqId,
		status: 'received',
		createdAt: now,
		updatedAt: now,
		paymentMethod,
		paymentId: null,
		currency: quote.currency,
		total: quote.total,
		buyer: clone(quote.buyer),
		items: clone(quote.items),
		declineReason: null,
		acceptedAt: null,
		note: null,
		estimatedShipDate: null,
		shipping: { trackingUrl: null, carrier: null, trackingNumber: null, shippedAt: null },
	};
	context.store.orders.set(order.id, order);
	return order;
}

/**
 * Accepts a received order. For bank transfer this is when the payment is created, so it emits
 * `payment.created` and `order.payment_assigned`.
 */
export function acceptOrder(
	context: SimulatorContext,
	orderId: string,
	input: { note?: string | null; estimatedShipDate?: string | null },
): Order {
	const order = context.store.getOrder(orderId);
	if (order.status !== 'received') {
		throw invalidState('order', order.id, order.status, 'received orders can be accepted');
	}
	const now = context.clock().toISOString();
	order.status = 'accepted';
	order.acceptedAt = now;
	order.updatedAt = now;
	order.note = input.note ?? null;
	order.estimatedShipDate = input.estimatedShipDate ?? null;
	if (order.paymentMethod === 'bank_transfer' && !order.paymentId) {
		createOrderPayment(context, order);
	}
	return order;
}

/** Declines a received order with a reason. */
export function declineOrder(context: SimulatorContext, orderId: string, reason: string): Order {
	const order = context.store.getOrder(orderId);
	if (order.status !== 'received') {
		throw invalidState('order', order.id, order.status, 'received orders can be declined');
	}
	order.status = 'declined';
	order.declineReason = reason;
	order.updatedAt = context.clock().toISOString();
	return order;
}

/**
 * Sets an order's shipping tracking and marks it `shipped`. Allowed when accepted, or when
 * already shipped to correct the tracking. `shippedAt` keeps the time of the first shipment.
 */
export function updateShipping(
	context: SimulatorContext,
	orderId: string,
	input: { trackingUrl: string; carrier?: string | null; trackingNumber?: string | null },
): Order {
	const order = context.store.getOrder(orderId);
	if (order.status !== 'accepted' && order.status !== 'shipped') {
		throw invalidState(
			'order',
			order.id,
			order.status,
			'accepted or shipped orders can get shipping tracking',
		);
	}
	const now = context.clock().toISOString();
	order.shipping = {
		trackingUrl: input.trackingUrl,
		carrier: input.carrier ?? null,
		trackingNumber: input.trackingNumber ?? null,
		shippedAt: order.shipping.shippedAt ?? now,
	};
	order.status = 'shipped';
	order.updatedAt = now;
	return order;
}
