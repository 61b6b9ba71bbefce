import { ERROR_CODE, PATH } from '../../nodes/shared/transport/wire';
import { startSimulator, type Simulator } from '../../simulator';
import { createApiClient } from './apiClient';
import { quoteInput } from './quoteInput';

describe('simulator orders and payments', () => {
	let simulator: Simulator;

	beforeAll(async () => {
		simulator = await startSimulator();
	});

	afterAll(async () => {
		await simulator.stop();
	});

	beforeEach(() => simulator.reset());

	/** Creates and sends a quote, lets the buyer accept it, and returns the new order. */
	async function sell(paymentMethod: 'stripe' | 'bank_transfer'): Promise<Record<string, any>> {
		const client = createApiClient(simulator);
		const quote = (await client.post(PATH.quotes, quoteInput())).data;
		await client.post(PATH.quoteSend(quote.id));
		return simulator.buyer.acceptQuote(quote.id, { paymentMethod }).order;
	}

	function eventTypes(): string[] {
		return simulator.state().events.map((event) => event.type);
	}

	test('order copies the quote', async () => {
		const order = await sell('bank_transfer');
		const quote = simulator.state().quotes[0];
		expect(order.status).toBe('received');
		expect(order.number).toMatch(/^ORD-\d{4}-00001$/);
		expect(order.quoteId).toBe(quote.id);
		expect(order.rfqId).toBe('rfq_7Hc2kQ1');
		expect(order.total).toBe(quote.total);
		expect(order.items).toEqual(quote.items);
		expect(order.paymentId).toBeNull();
	});

	test('accept received order', async () => {
		const order = await sell('bank_transfer');
		const response = await createApiClient(simulator).post(PATH.orderAccept(order.id), {
			note: 'Ships from Poznań',
			estimatedShipDate: '2026-12-08',
		});
		expect(response.status).toBe(200);
		expect(response.data.status).toBe('accepted');
		expect(Date.parse(response.data.acceptedAt)).toBeGreaterThan(Date.parse(order.updatedAt));
		expect(Date.parse(response.data.updatedAt)).toBeGreaterThanOrEqual(
			Date.parse(response.data.acceptedAt),
		);
		expect(response.data.estimatedShipDate).toBe('2026-12-08');
		expect(response.data.paymentId).toMatch(/^pay_/);
	});

	test('accept twice is refused', async () => {
		const order = await sell('stripe');
		const client = createApiClient(simulator);
		await client.post(PATH.orderAccept(order.id));
		const response = await client.post(PATH.orderAccept(order.id));
		expect(response.status).toBe(409);
		expect(response.data.error).toEqual({
			code: ERROR_CODE.invalidState,
			message: `order ${order.id} is accepted; only received orders can be accepted`,
		});
	});

	test('decline received order', async () => {
		const order = await sell('bank_transfer');
		const response = await createApiClient(simulator).post(PATH.orderDecline(order.id), {
			reason: 'Out of stock',
		});
		expect(response.status).toBe(200);
		expect(response.data.status).toBe('declined');
		expect(response.data.declineReason).toBe('Out of stock');
		expect(simulator.state().payments).toHaveLength(0);
	});

	test('decline needs a reason', async () => {
		const order = await sell('bank_transfer');
		const response = await createApiClient(simulator).post(PATH.orderDecline(order.id), {});
		expect(response.status).toBe(422);
		expect(response.data.error.details).toEqual([{ field: 'reason', message: 'is required' }]);
	});

	test('decline after accept is refused', async () => {
		const order = await sell('bank_transfer');
		const client = createApiClient(simulator);
		await client.post(PATH.orderAccept(order.id));
		const response = await client.post(PATH.orderDecline(order.id), { reason: 'late' });
		expect(response.status).toBe(409);
		expect(response.data.error.message).toContain('is accepted; only received orders');
	});

	test('shipping on a received order is refused', async () => {
		const order = await sell('bank_transfer');
		const response = await createApiClient(simulator).put(PATH.orderShipping(order.id), {
			trackingUrl: 'https://tracking.example/1',
		});
		expect(response.status).toBe(409);
		expect(response.data.error.message).toBe(
			`order ${order.id} is received; only accepted or shipped orders can get shipping tracking`,
		);
	});

	test('shipping marks shipped and keeps shippedAt', async () => {
		const order = await sell('bank_transfer');
		const client = createApiClient(simulator);
		await client.post(PATH.orderAccept(order.id));
		const first = await client.put(PATH.orderShipping(order.id), {
			trackingUrl: 'https://tracking.example/1',
			carrier: 'DHL',
		});
		const second = await client.put(PATH.orderShipping(order.id), {
			trackingUrl: 'https://tracking.example/2',
			trackingNumber: 'JD0002',
		});

		expect(first.status).toBe(200);
		expect(first.data.status).toBe('shipped');
		expect(first.data.shipping.shippedAt).toBe(first.data.updatedAt);
		expect(second.status).toBe(200);
		expect(second.data.shipping).toEqual({
			trackingUrl: 'https://tracking.example/2',
			carrier: null,
			trackingNumber: 'JD0002',
			shippedAt: first.data.shipping.shippedAt,
		});
	});

	test('shipping needs an http URL', async () => {
		const order = await sell('bank_transfer');
		const client = createApiClient(simulator);
		await client.post(PATH.orderAccept(order.id));
		const response = await client.put(PATH.orderShipping(order.id), { trackingUrl: 'ftp://x/1' });
		expect(response.status).toBe(422);
		expect(response.data.error.details).toEqual([
			{ field: 'trackingUrl', message: 'must be an http or https URL' },
		]);
	});

	test('bank transfer event order', async () => {
		const client = createApiClient(simulator);
		simulator.buyer.postRfq();
		const quote = (await client.post(PATH.quotes, quoteInput())).data;
		await client.post(PATH.quoteSend(quote.id));
		simulator.buyer.openQuote(quote.id);
		const { order } = simulator.buyer.acceptQuote(quote.id, { paymentMethod: 'bank_transfer' });
		expect(eventTypes()).toEqual([
			'rfq.received',
			'quote.opened',
			'quote.accepted',
			'order.received',
		]);

		const accepted = (await client.post(PATH.orderAccept(order.id))).data;
		await client.patch(PATH.payment(accepted.paymentId), { status: 'paid' });
		expect(eventTypes()).toEqual([
			'rfq.received',
			'quote.opened',
			'quote.accepted',
			'order.received',
			'payment.created',
			'order.payment_assigned',
			'payment.status_updated',
		]);
	});

	test('stripe payment follows order', async () => {
		const order = await sell('stripe');
		const events = simulator.state().events;
		expect(events.map((event) => event.type)).toEqual([
			'quote.accepted',
			'order.received',
			'payment.created',
			'order.payment_assigned',
		]);
		const payment = simulator.state().payments[0];
		expect(payment.method).toBe('stripe');
		expect(payment.amount).toBe(order.total);
		expect(events[3].data).toEqual({ orderId: order.id, payment });
	});

	test('event data shapes', async () => {
		const client = createApiClient(simulator);
		const quote = (await client.post(PATH.quotes, quoteInput())).data;
		await client.post(PATH.quoteSend(quote.id));
		simulator.buyer.openQuote(quote.id, 'email');
		simulator.buyer.declineQuote(quote.id, 'Found it cheaper');
		const [opened, declined] = simulator.state().events;

		expect(Object.keys(opened.data).sort()).toEqual(['channel', 'openedAt', 'quoteId']);
		expect(opened.data.channel).toBe('email');
		expect(declined.data.id).toBe(quote.id);
		expect(declined.data.status).toBe('declined');
		expect(declined.data.declineReason).toBe('Found it cheaper');
	});

	test('patch bank transfer payment', async () => {
		const order = await sell('bank_transfer');
		const client = createApiClient(simulator);
		const { paymentId } = (await client.post(PATH.orderAccept(order.id))).data;
		const paid = await client.patch(PATH.payment(paymentId), { status: 'paid' });
		const failed = await client.patch(PATH.payment(paymentId), { status: 'failed' });
		const updates = simulator
			.state()
			.events.filter((event) => event.type === 'payment.status_updated');

		expect(paid.status).toBe(200);
		expect(paid.data.status).toBe('paid');
		expect(paid.data.paidAt).toBe(paid.data.updatedAt);
		expect(failed.data.paidAt).toBeNull();
		expect(updates.map((event) => [event.data.previousStatus, event.data.status])).toEqual([
			['pending', 'paid'],
			['paid', 'failed'],
		]);
	});

	test('patch same status emits nothing', async () => {
		const order = await sell('bank_transfer');
		const client = createApiClient(simulator);
		const { paymentId } = (await client.post(PATH.orderAccept(order.id))).data;
		const response = await client.patch(PATH.payment(paymentId), { status: 'pending' });
		expect(response.status).toBe(200);
		expect(eventTypes()).not.toContain('payment.status_updated');
	});

	test('patch stripe payment is refused', async () => {
		await sell('stripe');
		const payment = simulator.state().payments[0];
		const response = await createApiClient(simulator).patch(PATH.payment(payment.id), {
			status: 'paid',
		});
		expect(response.status).toBe(409);
		expect(response.data.error).toEqual({
			code: ERROR_CODE.invalidState,
			message: `payment ${payment.id} is paid by stripe; only bank_transfer payments can have their status set by hand`,
		});
	});

	test('patch rejects refunded', async () => {
		const order = await sell('bank_transfer');
		const client = createApiClient(simulator);
		const { paymentId } = (await client.post(PATH.orderAccept(order.id))).data;
		const response = await client.patch(PATH.payment(paymentId), { status: 'refunded' });
		expect(response.status).toBe(422);
		expect(response.data.error.details).toEqual([
			{ field: 'status', message: 'must be one of pending, paid, failed' },
		]);
	});

	test('buyer sets stripe status', async () => {
		await sell('stripe');
		const payment = simulator.state().payments[0];
		const paid = simulator.buyer.setPaymentStatus(payment.id, 'paid');
		expect(paid.status).toBe('paid');
		expect(paid.paidAt).not.toBeNull();
		expect(Date.parse(paid.updatedAt)).toBeGreaterThan(Date.parse(payment.updatedAt));
	});
});
