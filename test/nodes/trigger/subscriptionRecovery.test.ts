import axios from 'axios';

import { signDelivery, startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { EVENT, HEADER, PATH } from '../../../nodes/shared/transport/wire';
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

/** Posts a delivery signed with `secret` to the production URL and returns the status code. */
async function postSigned(secret: string): Promise<number> {
	const body = JSON.stringify({
		id: 'evt_recovery_1',
		type: EVENT.rfqReceived,
		createdAt: '2026-12-04T10:00:00.000Z',
		data: { id: 'rfq_recovery_1' },
	});
	const response = await axios.post(trigger.url('production'), body, {
		headers: {
			'Content-Type': 'application/json',
			[HEADER.signature]: signDelivery(secret, Math.floor(Date.now() / 1000), body),
		},
		transformRequest: [(data: string) => data],
		validateStatus: () => true,
		proxy: false,
	});
	return response.status;
}

describe('trigger subscription recovery', () => {
	test('static data keeps id and secret', async () => {
		await trigger.activate('production');

		const [webhook] = sim.state().webhooks;
		const url = trigger.url('production');
		expect(trigger.nodeStaticData()).toEqual({
			subscriptions: {
				[url]: {
					webhookId: webhook.id,
					url,
					events: [EVENT.quoteAccepted, EVENT.rfqReceived],
					signingSecret: webhook.secret,
				},
			},
		});
	});

	test('recreated subscription verifies deliveries', async () => {
		await trigger.activate('production');
		const [first] = sim.state().webhooks;
		expect((await createApiClient(sim).delete(PATH.webhook(first.id))).status).toBe(204);

		await trigger.activate('production');

		const [second] = sim.state().webhooks;
		expect(second.id).not.toBe(first.id);
		expect(second.secret).not.toBe(first.secret);
		const rfq = sim.buyer.postRfq();
		await sim.deliveryQueueIdle();
		expect(sim.state().deliveries.map((delivery) => delivery.status)).toEqual([200]);
		expect(trigger.startedItems().map((item) => item.id)).toEqual([rfq.id]);
		expect(await postSigned(first.secret)).toBe(401);
		expect(await postSigned(second.secret)).toBe(200);
	});

	test('deleted subscription stops its secret', async () => {
		await trigger.activate('production');
		const [webhook] = sim.state().webhooks;

		await trigger.delete('production');

		expect(trigger.nodeStaticData()).toEqual({ subscriptions: {} });
		expect(await postSigned(webhook.secret)).toBe(401);
		expect(trigger.startedItems()).toEqual([]);
	});
});
