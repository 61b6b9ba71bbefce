import { startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { EVENT, PATH } from '../../../nodes/shared/transport/wire';
import { createApiClient } from '../../simulator/apiClient';
import { TriggerHarness } from '../../harness/webhookTrigger';

let sim: Simulator;
let trigger: TriggerHarness;

const MANUAL = { events: [EVENT.rfqReceived], registration: 'manual' };

beforeEach(async () => {
	sim = await startSimulator({ deliveryRetryDelaysMs: [] });
});

afterEach(async () => {
	await trigger.stop();
	await sim.stop();
});

/** Registers the trigger's production URL the way a user does in the Automa.Net dashboard. */
async function registerInDashboard(url: string): Promise<{ id: string; secret: string }> {
	const response = await createApiClient(sim).post(PATH.webhooks, {
		url,
		events: [EVENT.rfqReceived],
	});
	expect(response.status).toBe(201);
	return { id: String(response.data.id), secret: String(response.data.secret) };
}

function webhookRequests() {
	return sim.state().requests.filter((request) => request.path.startsWith(PATH.webhooks));
}

describe('trigger manual registration', () => {
	test('credential secret verifies deliveries', async () => {
		trigger = await TriggerHarness.start({
			parameters: MANUAL,
			credentials: { apiKey: sim.apiKey, baseUrl: sim.url },
		});
		const dashboard = await registerInDashboard(trigger.url('production'));
		trigger.setCredentials({
			apiKey: sim.apiKey,
			baseUrl: sim.url,
			webhookSecret: dashboard.secret,
		});
		const requestsBefore = webhookRequests().length;

		await trigger.activate('production');
		sim.buyer.postRfq();
		await sim.deliveryQueueIdle();

		expect(webhookRequests()).toHaveLength(requestsBefore);
		expect(trigger.received.map((delivery) => delivery.status)).toEqual([200]);
		expect(trigger.startedItems()).toHaveLength(1);
		expect(trigger.startedItems()[0].eventType).toBe(EVENT.rfqReceived);
	});

	test('no credential secret fails closed', async () => {
		trigger = await TriggerHarness.start({
			parameters: MANUAL,
			credentials: { apiKey: sim.apiKey, baseUrl: sim.url },
		});
		await registerInDashboard(trigger.url('production'));

		await trigger.activate('production');
		sim.buyer.postRfq();
		await sim.deliveryQueueIdle();

		expect(trigger.received.map((delivery) => delivery.status)).toEqual([401]);
		expect(trigger.startedItems()).toHaveLength(0);
		expect(trigger.logger.lines('warn')).toContain(
			'Automa.Net Trigger rejected a delivery: no signing secret',
		);
	});

	test('wrong credential secret fails closed', async () => {
		trigger = await TriggerHarness.start({
			parameters: MANUAL,
			credentials: { apiKey: sim.apiKey, baseUrl: sim.url, webhookSecret: 'whsec_stale' },
		});
		await registerInDashboard(trigger.url('production'));

		sim.buyer.postRfq();
		await sim.deliveryQueueIdle();

		expect(trigger.received.map((delivery) => delivery.status)).toEqual([401]);
		expect(trigger.startedItems()).toHaveLength(0);
	});

	test('activation makes no remote call', async () => {
		trigger = await TriggerHarness.start({
			parameters: MANUAL,
			credentials: { apiKey: sim.apiKey, baseUrl: sim.url },
		});

		expect(await trigger.checkExists('production')).toBe(true);
		expect(await trigger.create('production')).toBe(true);
		expect(await trigger.delete('production')).toBe(true);

		expect(webhookRequests()).toHaveLength(0);
		expect(sim.state().webhooks).toHaveLength(0);
	});

	test('switch to manual removes automatic subscription', async () => {
		trigger = await TriggerHarness.start({
			parameters: { events: [EVENT.rfqReceived] },
			credentials: { apiKey: sim.apiKey, baseUrl: sim.url },
		});
		await trigger.activate('production');
		const dashboard = await registerInDashboard(trigger.url('production'));

		trigger.setParameters(MANUAL);
		await trigger.activate('production');

		expect(sim.state().webhooks.map((webhook) => webhook.id)).toEqual([dashboard.id]);
		expect(await trigger.checkExists('production')).toBe(true);
	});

	test('automatic mode ignores credential secret', async () => {
		trigger = await TriggerHarness.start({
			parameters: { events: [EVENT.rfqReceived] },
			credentials: { apiKey: sim.apiKey, baseUrl: sim.url },
		});
		const dashboard = await registerInDashboard(trigger.url('production'));
		trigger.setCredentials({
			apiKey: sim.apiKey,
			baseUrl: sim.url,
			webhookSecret: dashboard.secret,
		});

		sim.buyer.postRfq();
		await sim.deliveryQueueIdle();

		expect(trigger.received.map((delivery) => delivery.status)).toEqual([401]);
		expect(trigger.startedItems()).toHaveLength(0);
	});
});
