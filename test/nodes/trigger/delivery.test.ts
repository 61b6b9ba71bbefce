import { startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { ALL_EVENTS, EVENT, EVENT_TYPES } from '../../../nodes/shared/transport/wire';
import { TriggerHarness } from '../../harness/webhookTrigger';
import { playEveryEvent } from './sale';

let sim: Simulator;
let trigger: TriggerHarness;

beforeEach(async () => {
	sim = await startSimulator({ deliveryRetryDelaysMs: [] });
});

afterEach(async () => {
	await trigger.stop();
	await sim.stop();
});

async function activeTrigger(events: string[], options = {}): Promise<TriggerHarness> {
	trigger = await TriggerHarness.start({
		parameters: { events, options },
		credentials: { apiKey: sim.apiKey, baseUrl: sim.url },
	});
	await trigger.activate('production');
	return trigger;
}

describe('trigger delivery', () => {
	test('each event type emits its item', async () => {
		await activeTrigger([ALL_EVENTS]);

		await playEveryEvent(sim);

		const { events, deliveries } = sim.state();
		expect(new Set(events.map((event) => event.type))).toEqual(new Set(EVENT_TYPES));
		expect(deliveries.map((delivery) => delivery.status)).toEqual(events.map(() => 200));
		const items = trigger.startedItems();
		expect(items).toHaveLength(events.length);
		for (const event of events) {
			const item = items.find((candidate) => candidate.eventId === event.id);
			expect(item).toEqual({
				...event.data,
				eventId: event.id,
				eventType: event.type,
				eventCreatedAt: event.createdAt,
			});
		}
	});

	test('event data fields at top level', async () => {
		await activeTrigger([ALL_EVENTS]);

		await playEveryEvent(sim);

		const byType = (type: string) => trigger.startedItems().find((item) => item.eventType === type);
		expect(byType(EVENT.rfqReceived)?.id).toMatch(/^rfq_/);
		expect(byType(EVENT.quoteOpened)?.channel).toBe('email');
		expect(byType(EVENT.quoteOpened)?.quoteId).toMatch(/^qt_/);
		expect(byType(EVENT.quoteDeclined)?.declineReason).toBe('Lead time too long');
		expect(byType(EVENT.quoteExpired)?.status).toBe('expired');
		expect(byType(EVENT.orderReceived)?.paymentMethod).toBe('bank_transfer');
		expect(byType(EVENT.paymentCreated)?.status).toBe('pending');
		expect(byType(EVENT.orderPaymentAssigned)?.orderId).toMatch(/^ord_/);
		expect(byType(EVENT.paymentStatusUpdated)?.previousStatus).toBe('pending');
		expect(byType(EVENT.paymentStatusUpdated)?.status).toBe('paid');
	});

	test('chosen events only subscribed', async () => {
		await activeTrigger([EVENT.quoteAccepted, EVENT.paymentStatusUpdated]);

		await playEveryEvent(sim);

		const types = trigger.startedItems().map((item) => item.eventType);
		expect(types).toEqual([EVENT.quoteAccepted, EVENT.paymentStatusUpdated]);
	});

	test('raw delivery adds headers and body', async () => {
		await activeTrigger([EVENT.rfqReceived], { rawDelivery: true });

		sim.buyer.postRfq();
		await sim.deliveryQueueIdle();

		const [item] = trigger.startedItems();
		const rawDelivery = item.rawDelivery as { headers: Record<string, string>; body: string };
		expect(rawDelivery.headers['x-automa-event']).toBe(EVENT.rfqReceived);
		expect(rawDelivery.headers['x-automa-delivery']).toBe(item.eventId);
		expect(rawDelivery.headers).not.toHaveProperty('x-automa-signature');
		expect(JSON.parse(rawDelivery.body).id).toBe(item.eventId);
	});

	test('raw delivery off by default', async () => {
		await activeTrigger([EVENT.rfqReceived]);

		sim.buyer.postRfq();
		await sim.deliveryQueueIdle();

		expect(trigger.startedItems()[0]).not.toHaveProperty('rawDelivery');
	});

	test('test and production both receive', async () => {
		await activeTrigger([EVENT.rfqReceived]);
		await trigger.activate('test');

		sim.buyer.postRfq();
		await sim.deliveryQueueIdle();

		const endpoints = trigger.received.map((delivery) => delivery.endpoint).sort();
		expect(endpoints).toEqual(['production', 'test']);
		expect(trigger.received.map((delivery) => delivery.status)).toEqual([200, 200]);
		expect(trigger.startedItems()).toHaveLength(2);
	});

	test('lazy raw body is read', async () => {
		trigger = await TriggerHarness.start({
			parameters: { events: [EVENT.rfqReceived] },
			credentials: { apiKey: sim.apiKey, baseUrl: sim.url },
			rawBody: 'lazy',
		});
		await trigger.activate('production');

		sim.buyer.postRfq();
		await sim.deliveryQueueIdle();

		expect(trigger.received.map((delivery) => delivery.status)).toEqual([200]);
		expect(trigger.startedItems()).toHaveLength(1);
	});

	test('missing raw body fails closed', async () => {
		trigger = await TriggerHarness.start({
			parameters: { events: [EVENT.rfqReceived] },
			credentials: { apiKey: sim.apiKey, baseUrl: sim.url },
			rawBody: 'absent',
		});
		await trigger.activate('production');

		sim.buyer.postRfq();
		await sim.deliveryQueueIdle();

		expect(trigger.received.map((delivery) => delivery.status)).toEqual([401]);
		expect(trigger.startedItems()).toHaveLength(0);
		expect(trigger.logger.lines('warn')).toContain(
			'Automa.Net Trigger rejected a delivery: raw body unavailable',
		);
	});

	test('unreadable raw body fails closed', async () => {
		trigger = await TriggerHarness.start({
			parameters: { events: [EVENT.rfqReceived] },
			credentials: { apiKey: sim.apiKey, baseUrl: sim.url },
			rawBody: 'consumed',
		});
		await trigger.activate('production');
		trigger.logger.clear();

		sim.buyer.postRfq();
		await sim.deliveryQueueIdle();

		expect(trigger.received.map((delivery) => delivery.status)).toEqual([401]);
		expect(trigger.received[0].error).toBeUndefined();
		expect(trigger.startedItems()).toHaveLength(0);
		expect(trigger.logger.lines('warn')).toEqual([
			'Automa.Net Trigger rejected a delivery: raw body unavailable',
		]);
		expect(trigger.logger.records.find((record) => record.level === 'warn')?.metadata?.error).toBe(
			'Request body stream was aborted or is not readable',
		);
	});

	test('stale simulator clock rejected', async () => {
		await sim.stop();
		const tenMinutesMs = 10 * 60 * 1000;
		sim = await startSimulator({
			deliveryRetryDelaysMs: [],
			now: () => new Date(Date.now() - tenMinutesMs),
		});
		await activeTrigger([EVENT.rfqReceived]);

		sim.buyer.postRfq();
		await sim.deliveryQueueIdle();

		expect(sim.state().deliveries.map((delivery) => delivery.status)).toEqual([401]);
		expect(trigger.startedItems()).toHaveLength(0);
	});
});
