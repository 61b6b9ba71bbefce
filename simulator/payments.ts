import { invalidState } from './apiError';
import type { SimulatorContext } from './context';
import { createId } from './ids';
import type { Order, Payment, PaymentStatus } from './models';

/**
 * Creates the pending payment of an order and assigns it: emits `payment.created`, then
 * `order.payment_assigned`.
 */
export function createOrderPayment(context: SimulatorContext, order: Order): Payment {
	const now = context.clock().toISOString();
	const payment: Payment = {
		id: createId('pay'),
		orderId: order.id,
		method: order.paymentMethod,
		status: 'pending',
		amount: order.total,
		currency: order.currency,
		createdAt: now,
		updatedAt: now,
		paidAt: null,
	};
	context.store.payments.set(payment.id, payment);
	context.events.publish('payment.created', payment);

	order.paymentId = payment.id;
	order.updatedAt = context.clock().toISOString();
	context.events.publish('order.payment_assigned', { orderId: order.id, payment });
	return payment;
}

/**
 * Changes a payment's status and emits `payment.status_updated` with `previousStatus`. Setting
 * the current status again changes nothing and emits nothing. `paidAt` is set on `paid` and
 * cleared on any other status.
 */
export function changePaymentStatus(
	context: SimulatorContext,
	payment: Payment,
	status: PaymentStatus,
): Payment {
	if (payment.status === status) return payment;
	const previousStatus = payment.status;
	const now = context.clock().toISOString();
	payment.status = status;
	payment.paidAt = status === 'paid' ? now : null;
	payment.updatedAt = now;
	context.events.publish('payment.status_updated', { ...payment, previousStatus });
	return payment;
}

/** Sets a bank-transfer payment's status on the supplier's request. Stripe payments are rejected with 409. */
export function setPaymentStatusBySupplier(
	context: SimulatorContext,
	paymentId: string,
	status: PaymentStatus,
): Payment {
	const payment = context.store.getPayment(paymentId);
	if (payment.method !== 'bank_transfer') {
		throw invalidState(
			'payment',
			payment.id,
			`paid by ${payment.method}`,
			'bank_transfer payments can have their status set by hand',
		);
	}
	if (payment.status === 'refunded') {
		throw invalidState(
			'payment',
			payment.id,
			'refunded',
			'pending, paid or failed payments can change status',
		);
	}
	return changePaymentStatus(context, payment, status);
}
