import { startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { ALL_EVENTS, EVENT, PATH } from '../../../nodes/shared/transport/wire';
import { createApiClient } from '../../simulator/apiClient';
import { TriggerHarness } from '../../harness/webhookTrigger';

let sim: Simulator;
let trigger: TriggerHarness;

beforeEach(async () => {
	sim = await startSimulator({ deliveryRetryDelaysMs: [] });
	trigger = await TriggerHarness.start({
		parameters: { events: [EVENT.rfqReceived, EVENT.quoteAccepted] },
		credentials: { apiKey: sim.apiKey, baseUrl: sim.url },
	});
});

afterEach(async () => {
	await trigger.stop();
	await sim.stop();
});

function subscriptionsTo(url: string) {
	return sim.state().webhooks.filter((webhook) => webhook.url === url);
}

describe('trigger subscription lifecycle', () => {
	test('activation subscribes the production URL', async () => {
		await trigger.activate('production');

		const [webhook] = subscriptionsTo(trigger.url('production'));
		expect(webhook).toBeDefined();
		expect([...webhook.events].sort()).toEqual([EVENT.quoteAccepted, EVENT.rfqReceived]);
		expect(sim.state().webhooks).toHaveLength(1);
	});

	test('checkExists true after create', async () => {
		await trigger.activate('production');

		expect(await trigger.checkExists('production')).toBe(true);
		expect(sim.state().webhooks).toHaveLength(1);
	});

	test('all events subscribe with star', async () => {
		trigger.setParameters({ events: [ALL_EVENTS, EVENT.rfqReceived] });
		await trigger.activate('production');

		expect(sim.state().webhooks[0].events).toEqual([ALL_EVENTS]);
	});

	test('delete removes the subscription', async () => {
		await trigger.activate('production');

		expect(await trigger.delete('production')).toBe(true);
		expect(sim.state().webhooks).toHaveLength(0);
		expect(await trigger.checkExists('production')).toBe(false);
	});

	test('subscription deleted remotely is recreated', async () => {
		await trigger.activate('production');
		const [first] = sim.state().webhooks;
		const api = createApiClient(sim);
		expect((await api.delete(PATH.webhook(first.id))).status).toBe(204);

		expect(await trigger.checkExists('production')).toBe(false);
		await trigger.create('production');

		const webhooks = sim.state().webhooks;
		expect(webhooks).toHaveLength(1);
		expect(webhooks[0].id).not.toBe(first.id);
		expect(webhooks[0].url).toBe(trigger.url('production'));
		expect(await trigger.checkExists('production')).toBe(true);
	});

	test('delete tolerates a remote 404', async () => {
		await trigger.activate('production');
		const [first] = sim.state().webhooks;
		await createApiClient(sim).delete(PATH.webhook(first.id));

		expect(await trigger.delete('production')).toBe(true);
		expect(trigger.logger.lines('info')).toContain(
			'Automa.Net Trigger found its webhook subscription already deleted',
		);
		expect(await trigger.checkExists('production')).toBe(false);
	});

	test('changed events replace the subscription', async () => {
		await trigger.activate('production');
		const [first] = sim.state().webhooks;

		trigger.setParameters({ events: [EVENT.orderReceived] });
		expect(await trigger.checkExists('production')).toBe(false);
		await trigger.create('production');

		const webhooks = sim.state().webhooks;
		expect(webhooks).toHaveLength(1);
		expect(webhooks[0].id).not.toBe(first.id);
		expect(webhooks[0].events).toEqual([EVENT.orderReceived]);
	});

	test('foreign subscription not adopted', async () => {
		const api = createApiClient(sim);
		const foreign = await api.post(PATH.webhooks, {
			url: trigger.url('production'),
			events: [EVENT.rfqReceived, EVENT.quoteAccepted],
		});
		expect(foreign.status).toBe(201);

		expect(await trigger.checkExists('production')).toBe(false);
		await trigger.create('production');

		const ids = sim.state().webhooks.map((webhook) => webhook.id);
		expect(ids).toHaveLength(2);
		expect(ids).toContain(foreign.data.id);
		expect(await trigger.checkExists('production')).toBe(true);
	});

	test('foreign subscription not deleted', async () => {
		const api = createApiClient(sim);
		const foreign = await api.post(PATH.webhooks, {
			url: trigger.url('production'),
			events: [EVENT.rfqReceived],
		});
		await trigger.activate('production');

		await trigger.delete('production');

		expect(sim.state().webhooks.map((webhook) => webhook.id)).toEqual([foreign.data.id]);
	});

	test('foreign twin not adopted after delete', async () => {
		await trigger.activate('production');
		const [own] = sim.state().webhooks;
		const api = createApiClient(sim);
		const foreign = await api.post(PATH.webhooks, {
			url: trigger.url('production'),
			events: [EVENT.rfqReceived, EVENT.quoteAccepted],
		});
		await api.delete(PATH.webhook(own.id));

		expect(await trigger.checkExists('production')).toBe(false);
		await trigger.create('production');
		await trigger.delete('production');

		expect(sim.state().webhooks.map((webhook) => webhook.id)).toEqual([foreign.data.id]);
	});

	test('delete without subscription sends nothing', async () => {
		expect(await trigger.delete('production')).toBe(true);

		expect(sim.state().requests.filter((request) => request.method === 'DELETE')).toHaveLength(0);
	});

	test('test and production URLs separate', async () => {
		await trigger.activate('production');
		await trigger.activate('test');

		expect(subscriptionsTo(trigger.url('production'))).toHaveLength(1);
		expect(subscriptionsTo(trigger.url('test'))).toHaveLength(1);
		expect(trigger.url('test')).not.toBe(trigger.url('production'));
		expect(await trigger.checkExists('production')).toBe(true);
		expect(await trigger.checkExists('test')).toBe(true);

		await trigger.delete('test');

		expect(subscriptionsTo(trigger.url('test'))).toHaveLength(0);
		expect(subscriptionsTo(trigger.url('production'))).toHaveLength(1);
		expect(await trigger.checkExists('production')).toBe(true);
	});

	test('failed delete keeps the record', async () => {
		await trigger.activate('production');
		sim.faults.failNext(4, 500);

		await expect(trigger.delete('production')).rejects.toThrow(
			/^Could not delete Automa.Net webhook subscription wh_/,
		);
		expect(sim.state().webhooks).toHaveLength(1);

		expect(await trigger.delete('production')).toBe(true);
		expect(sim.state().webhooks).toHaveLength(0);
	});

	test('create without events fails', async () => {
		trigger.setParameters({ events: [] });

		await expect(trigger.create('production')).rejects.toThrow('No event is chosen in Trigger On');
		expect(sim.state().webhooks).toHaveLength(0);
	});

	test('create stores nothing on failure', async () => {
		sim.faults.failNext(1, 422);

		await expect(trigger.create('production')).rejects.toThrow();
		expect(sim.state().webhooks).toHaveLength(0);
		expect(trigger.nodeStaticData()).toEqual({});
	});
});
