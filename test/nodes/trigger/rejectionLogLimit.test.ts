import axios from 'axios';

import { signDelivery, startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { setRejectionLogLimit } from '../../../nodes/AutomaNetTrigger/rejectionLogLimit';
import { EVENT, HEADER } from '../../../nodes/shared/transport/wire';
import { TriggerHarness } from '../../harness/webhookTrigger';

const FORGED_SECRET = 'whsec_forged_by_the_sender';
const MISMATCH_LINE = 'Automa.Net Trigger rejected a delivery: signature mismatch';

let sim: Simulator;
let trigger: TriggerHarness;
let clockMs: number;

const body = JSON.stringify({
	id: 'evt_forged_1',
	type: EVENT.rfqReceived,
	createdAt: '2026-12-04T10:00:00.000Z',
	data: { id: 'rfq_forged_1' },
});

/** Posts a delivery signed with a secret the node does not have, and returns the status. */
async function postForged(target: TriggerHarness = trigger): Promise<number> {
	const signature = signDelivery(FORGED_SECRET, Math.floor(Date.now() / 1000), body);
	const response = await axios.post(target.url('production'), body, {
		headers: { 'Content-Type': 'application/json', [HEADER.signature]: signature },
		transformRequest: [(data: string) => data],
		validateStatus: () => true,
		proxy: false,
	});
	return response.status;
}

async function postForgedTimes(count: number): Promise<number[]> {
	const statuses: number[] = [];
	for (let index = 0; index < count; index++) statuses.push(await postForged());
	return statuses;
}

async function activeTrigger(): Promise<TriggerHarness> {
	const harness = await TriggerHarness.start({
		parameters: { events: [EVENT.rfqReceived] },
		credentials: { apiKey: sim.apiKey, baseUrl: sim.url },
	});
	await harness.activate('production');
	harness.logger.clear();
	return harness;
}

beforeAll(async () => {
	sim = await startSimulator({ deliveryRetryDelaysMs: [] });
});

afterAll(async () => {
	await sim.stop();
});

beforeEach(async () => {
	clockMs = Date.parse('2026-12-04T10:00:00.000Z');
	setRejectionLogLimit({ now: () => clockMs });
	trigger = await activeTrigger();
});

afterEach(async () => {
	setRejectionLogLimit();
	await trigger.stop();
});

describe('rejection log limit', () => {
	test('50 forged deliveries, one warning', async () => {
		const statuses = await postForgedTimes(50);

		expect(statuses).toEqual(Array(50).fill(401));
		expect(trigger.startedItems()).toEqual([]);
		expect(trigger.logger.lines('warn')).toEqual([MISMATCH_LINE]);
	});

	test('next line after window reports count', async () => {
		await postForgedTimes(50);
		clockMs += 61_000;

		const status = await postForged();

		expect(status).toBe(401);
		expect(trigger.logger.lines('warn')).toEqual([
			MISMATCH_LINE,
			'Automa.Net Trigger rejected 50 deliveries in the 61 s since the last such warning: signature mismatch',
		]);
		const last = trigger.logger.records.filter((record) => record.level === 'warn').at(-1);
		expect(last?.metadata?.rejectedSinceLastLine).toBe(50);
	});

	test('one line per window', async () => {
		await postForged();
		clockMs += 30_000;
		await postForged();
		clockMs += 29_999;
		await postForged();
		clockMs += 1;
		await postForged();
		await postForged();

		expect(trigger.logger.lines('warn')).toEqual([
			MISMATCH_LINE,
			'Automa.Net Trigger rejected 3 deliveries in the 60 s since the last such warning: signature mismatch',
		]);
	});

	test('single rejection after window', async () => {
		await postForged();
		clockMs += 120_000;
		await postForged();

		expect(trigger.logger.lines('warn')).toEqual([MISMATCH_LINE, MISMATCH_LINE]);
	});

	test('each reason counted apart', async () => {
		await postForgedTimes(3);
		const unsigned = await axios.post(trigger.url('production'), body, {
			headers: { 'Content-Type': 'application/json' },
			transformRequest: [(data: string) => data],
			validateStatus: () => true,
			proxy: false,
		});

		expect(unsigned.status).toBe(401);
		expect(trigger.logger.lines('warn')).toEqual([
			MISMATCH_LINE,
			'Automa.Net Trigger rejected a delivery: signature header missing',
		]);
	});

	test('each node counted apart', async () => {
		const other = await activeTrigger();
		try {
			await postForgedTimes(3);
			await postForged(other);
			await postForged(other);

			// Both harnesses log to the one logger of the test process.
			expect(trigger.logger.lines('warn')).toEqual([MISMATCH_LINE, MISMATCH_LINE]);
		} finally {
			await other.stop();
		}
	});

	test('warnings contain no signature', async () => {
		await postForgedTimes(2);
		clockMs += 61_000;
		await postForged();

		const logged = JSON.stringify(trigger.logger.records);
		expect(logged).not.toContain(FORGED_SECRET);
		expect(logged).not.toContain('v1=');
		for (const webhook of sim.state().webhooks) expect(logged).not.toContain(webhook.secret);
	});

	test('default window uses real clock', async () => {
		setRejectionLogLimit();

		await postForgedTimes(5);

		expect(trigger.logger.lines('warn')).toEqual([MISMATCH_LINE]);
	});
});
