import { createHmac, timingSafeEqual } from 'node:crypto';

import { PATH } from '../../nodes/shared/transport/wire';
import { startSimulator, type Simulator } from '../../simulator';
import { createApiClient } from './apiClient';
import { quoteInput } from './quoteInput';
import { startWebhookReceiver, type WebhookReceiver } from './webhookReceiver';

/** Verifies a delivery the way a receiver would, without the project's own helpers. */
function verifySignature(header: string, rawBody: Buffer, secret: string): boolean {
	const parts = Object.fromEntries(header.split(',').map((part) => part.split('=')));
	const expected = createHmac('sha256', secret)
		.update(Buffer.concat([Buffer.from(`${parts.t}.`), rawBody]))
		.digest();
	const received = Buffer.from(parts.v1 ?? '', 'hex');
	return received.length === expected.length && timingSafeEqual(received, expected);
}

describe('simulator webhooks', () => {
	let simulator: Simulator;
	let receiver: WebhookReceiver;

	beforeAll(async () => {
		simulator = await startSimulator({ deliveryRetryDelaysMs: [20, 40] });
		receiver = await startWebhookReceiver();
	});

	afterAll(async () => {
		await simulator.stop();
		await receiver.close();
	});

	beforeEach(() => {
		simulator.reset();
		receiver.received.length = 0;
		receiver.respondWith([]);
	});

	async function subscribe(events: string[], url = receiver.url): Promise<Record<string, any>> {
		const response = await createApiClient(simulator).post(PATH.webhooks, { url, events });
		expect(response.status).toBe(201);
		return response.data;
	}

	test('create shows the secret once', async () => {
		const created = await subscribe(['quote.accepted', 'order.received'], receiver.url);
		const listed = await createApiClient(simulator).get(PATH.webhooks);

		expect(created.id).toMatch(/^wh_/);
		expect(created.secret).toMatch(/^whsec_[0-9a-f]{64}$/);
		expect(created.events).toEqual(['quote.accepted', 'order.received']);
		expect(listed.status).toBe(200);
		expect(listed.data.data).toHaveLength(1);
		expect(listed.data.data[0].id).toBe(created.id);
		expect(listed.data.data[0]).not.toHaveProperty('secret');
		expect(listed.data.pagination.totalItems).toBe(1);
	});

	test('create validates url and events', async () => {
		const response = await createApiClient(simulator).post(PATH.webhooks, {
			url: 'mailto:ops@example.example',
			events: ['quote.sent', '*'],
		});
		expect(response.status).toBe(422);
		const fields = response.data.error.details.map((detail: { field: string }) => detail.field);
		expect(fields).toEqual(['url', 'events[0]']);
	});

	test('star must stand alone', async () => {
		const response = await createApiClient(simulator).post(PATH.webhooks, {
			url: receiver.url,
			events: ['*', 'rfq.received'],
		});
		expect(response.status).toBe(422);
		expect(response.data.error.details).toEqual([
			{ field: 'events', message: '"*" must be the only entry' },
		]);
	});

	test('delete removes the subscription', async () => {
		const created = await subscribe(['*']);
		const client = createApiClient(simulator);
		const deleted = await client.delete(PATH.webhook(created.id));
		const again = await client.delete(PATH.webhook(created.id));

		expect(deleted.status).toBe(204);
		expect(again.status).toBe(404);
		expect(again.data.error.message).toBe(`webhook ${created.id} was not found`);
		simulator.buyer.postRfq();
		await simulator.deliveryQueueIdle();
		expect(receiver.received).toHaveLength(0);
	});

	test('signed delivery verifies', async () => {
		const { secret } = await subscribe(['rfq.received']);
		const rfq = simulator.buyer.postRfq({ message: 'Zażółć gęślą jaźń' });
		await simulator.deliveryQueueIdle();

		expect(receiver.received).toHaveLength(1);
		const [delivery] = receiver.received;
		const body = JSON.parse(delivery.rawBody.toString('utf8'));
		const signature = String(delivery.headers['x-automa-signature']);
		const timestamp = Number(/t=(\d+)/.exec(signature)?.[1]);

		expect(verifySignature(signature, delivery.rawBody, secret)).toBe(true);
		expect(verifySignature(signature, delivery.rawBody, 'whsec_other')).toBe(false);
		expect(Math.abs(timestamp - Date.now() / 1000)).toBeLessThan(300);
		expect(delivery.headers['content-type']).toBe('application/json');
		expect(delivery.headers['x-automa-event']).toBe('rfq.received');
		expect(delivery.headers['x-automa-delivery']).toBe(body.id);
		expect(Object.keys(body).sort()).toEqual(['createdAt', 'data', 'id', 'type']);
		expect(body.id).toMatch(/^evt_/);
		expect(body.type).toBe('rfq.received');
		expect(body.data).toEqual(rfq);
	});

	test('only matching events delivered', async () => {
		await subscribe(['quote.declined']);
		const client = createApiClient(simulator);
		simulator.buyer.postRfq();
		const quote = (await client.post(PATH.quotes, quoteInput())).data;
		await client.post(PATH.quoteSend(quote.id));
		simulator.buyer.declineQuote(quote.id, 'Budget cut');
		await simulator.deliveryQueueIdle();

		expect(receiver.received.map((delivery) => delivery.headers['x-automa-event'])).toEqual([
			'quote.declined',
		]);
	});

	test('deliveries keep event order', async () => {
		await subscribe(['*']);
		const client = createApiClient(simulator);
		const quote = (await client.post(PATH.quotes, quoteInput())).data;
		await client.post(PATH.quoteSend(quote.id));
		receiver.respondWith([500]);
		simulator.buyer.acceptQuote(quote.id, { paymentMethod: 'stripe' });
		await simulator.deliveryQueueIdle();

		expect(receiver.received.map((delivery) => delivery.headers['x-automa-event'])).toEqual([
			'quote.accepted',
			'quote.accepted',
			'order.received',
			'payment.created',
			'order.payment_assigned',
		]);
	});

	test('retry keeps the event id', async () => {
		await subscribe(['rfq.received']);
		receiver.respondWith([500, 503]);
		simulator.buyer.postRfq();
		await simulator.deliveryQueueIdle();
		const { deliveries } = simulator.state();

		expect(receiver.received).toHaveLength(3);
		expect(
			new Set(receiver.received.map((delivery) => delivery.headers['x-automa-delivery'])).size,
		).toBe(1);
		expect(deliveries.map((delivery) => [delivery.attempt, delivery.status])).toEqual([
			[1, 500],
			[2, 503],
			[3, 200],
		]);
		expect(new Set(deliveries.map((delivery) => delivery.eventId)).size).toBe(1);
	});

	test('gives up after the last delay', async () => {
		await subscribe(['rfq.received']);
		receiver.respondWith([500, 500, 500, 500]);
		simulator.buyer.postRfq();
		await simulator.deliveryQueueIdle();
		expect(simulator.state().deliveries.map((delivery) => delivery.status)).toEqual([
			500, 500, 500,
		]);
	});

	test('connection error logged as 0', async () => {
		const closed = await startWebhookReceiver();
		await closed.close();
		await subscribe(['rfq.received'], closed.url);
		simulator.buyer.postRfq();
		await simulator.deliveryQueueIdle();
		const { deliveries } = simulator.state();
		expect(deliveries.map((delivery) => delivery.status)).toEqual([0, 0, 0]);
		expect(deliveries[0].error).not.toBeNull();
	});

	test('stop cancels pending retries', async () => {
		const stopping = await startSimulator({ deliveryRetryDelaysMs: [60000] });
		const client = createApiClient(stopping);
		await client.post(PATH.webhooks, { url: receiver.url, events: ['*'] });
		receiver.respondWith([500]);
		stopping.buyer.postRfq();
		const idle = stopping.deliveryQueueIdle();
		while (stopping.state().deliveries.length === 0)
			await new Promise((resolve) => setImmediate(resolve));
		await stopping.stop();
		await idle;
		expect(stopping.state().deliveries).toHaveLength(1);
	});
});
