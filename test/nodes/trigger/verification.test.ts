import axios from 'axios';

import { signDelivery, startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { EVENT, HEADER, formatSignatureHeader } from '../../../nodes/shared/transport/wire';
import { setRejectionLogLimit } from '../../../nodes/AutomaNetTrigger/rejectionLogLimit';
import { TriggerHarness } from '../../harness/webhookTrigger';

let sim: Simulator;
let trigger: TriggerHarness;
let secret: string;

const nowSeconds = () => Math.floor(Date.now() / 1000);

function envelope(type: string = EVENT.rfqReceived): string {
	return JSON.stringify({
		id: 'evt_test_1',
		type,
		createdAt: '2026-12-04T10:00:00.000Z',
		data: { id: 'rfq_test_1', number: 'RFQ-2026-00042', status: 'open' },
	});
}

async function post(
	body: string,
	headers: Record<string, string>,
	contentType = 'application/json',
) {
	return await axios.post(trigger.url('production'), body, {
		headers: { 'Content-Type': contentType, ...headers },
		transformRequest: [(data: string) => data],
		validateStatus: () => true,
		proxy: false,
	});
}

function signed(body: string, options: { key?: string; timestamp?: number } = {}) {
	return {
		[HEADER.signature]: signDelivery(
			options.key ?? secret,
			options.timestamp ?? nowSeconds(),
			body,
		),
	};
}

beforeAll(async () => {
	// Every test here shares one node and expects its own rejection in the log, so no window.
	setRejectionLogLimit({ windowMs: 0 });
	sim = await startSimulator({ deliveryRetryDelaysMs: [] });
	trigger = await TriggerHarness.start({
		parameters: { events: [EVENT.rfqReceived] },
		credentials: { apiKey: sim.apiKey, baseUrl: sim.url },
	});
	await trigger.activate('production');
	secret = sim.state().webhooks[0].secret;
});

afterAll(async () => {
	setRejectionLogLimit();
	await trigger.stop();
	await sim.stop();
});

beforeEach(() => {
	trigger.received.length = 0;
	trigger.logger.clear();
});

function expectNothingStarted(): void {
	expect(trigger.startedItems()).toEqual([]);
	expect(trigger.received.every((delivery) => delivery.error === undefined)).toBe(true);
}

describe('trigger verification', () => {
	test('valid signature starts workflow', async () => {
		const body = envelope();

		const response = await post(body, signed(body));

		expect(response.status).toBe(200);
		expect(trigger.startedItems()).toEqual([
			{
				id: 'rfq_test_1',
				number: 'RFQ-2026-00042',
				status: 'open',
				eventId: 'evt_test_1',
				eventType: EVENT.rfqReceived,
				eventCreatedAt: '2026-12-04T10:00:00.000Z',
			},
		]);
	});

	test('tampered body rejected', async () => {
		const body = envelope();
		const tampered = body.replace('RFQ-2026-00042', 'RFQ-2026-00043');

		const response = await post(tampered, signed(body));

		expect(response.status).toBe(401);
		expect(response.data).toEqual({
			error: { code: 'unauthorized', message: 'Webhook signature verification failed' },
		});
		expectNothingStarted();
		expect(trigger.logger.lines('warn')).toEqual([
			'Automa.Net Trigger rejected a delivery: signature mismatch',
		]);
	});

	test('wrong secret rejected', async () => {
		const body = envelope();

		const response = await post(body, signed(body, { key: 'whsec_not_the_right_one' }));

		expect(response.status).toBe(401);
		expectNothingStarted();
	});

	test('missing signature rejected', async () => {
		const response = await post(envelope(), {});

		expect(response.status).toBe(401);
		expectNothingStarted();
		expect(trigger.logger.lines('warn')).toEqual([
			'Automa.Net Trigger rejected a delivery: signature header missing',
		]);
	});

	test.each([
		['no v1', (t: number) => `t=${t}`],
		['no t', () => `v1=${'a'.repeat(64)}`],
		['short digest', (t: number) => `t=${t},v1=abc123`],
		['non-hex digest', (t: number) => `t=${t},v1=${'z'.repeat(64)}`],
		['non-numeric t', () => `t=soon,v1=${'a'.repeat(64)}`],
		['garbage', () => 'garbage'],
	])('malformed signature rejected: %s', async (_case, header) => {
		const response = await post(envelope(), { [HEADER.signature]: header(nowSeconds()) });

		expect(response.status).toBe(401);
		expectNothingStarted();
		expect(trigger.logger.lines('warn')).toEqual([
			'Automa.Net Trigger rejected a delivery: signature header malformed',
		]);
	});

	// The receiver reads its clock after the test does, so it can be one second later. That tick
	// makes an old timestamp older but brings one ahead closer, hence 302 s for the ahead case.
	test.each([
		['301 s old', -301],
		['302 s ahead', 302],
		['one hour old', -3600],
	])('stale timestamp rejected: %s', async (_case, offsetSeconds) => {
		const body = envelope();

		const response = await post(body, signed(body, { timestamp: nowSeconds() + offsetSeconds }));

		expect(response.status).toBe(401);
		expectNothingStarted();
		expect(trigger.logger.lines('warn')).toEqual([
			'Automa.Net Trigger rejected a delivery: timestamp outside tolerance',
		]);
	});

	test('timestamp within tolerance accepted', async () => {
		const body = envelope();

		const response = await post(body, signed(body, { timestamp: nowSeconds() - 290 }));

		expect(response.status).toBe(200);
		expect(trigger.startedItems()).toHaveLength(1);
	});

	test('second v1 signature accepted', async () => {
		const body = envelope();
		const timestamp = nowSeconds();
		const valid = signDelivery(secret, timestamp, body).split('v1=')[1];
		const header = formatSignatureHeader(timestamp, 'b'.repeat(64)) + `,v1=${valid}`;

		const response = await post(body, { [HEADER.signature]: header });

		expect(response.status).toBe(200);
		expect(trigger.startedItems()).toHaveLength(1);
	});

	test('malformed JSON answered by n8n', async () => {
		const body = '{"id": "evt_1", "type": ';

		const response = await post(body, signed(body));

		// n8n parses application/json bodies before webhook() runs and responds 422 itself.
		expect(response.status).toBe(422);
		expect(trigger.received).toHaveLength(1);
		expectNothingStarted();
	});

	test('signed non-JSON body rejected', async () => {
		const body = 'id=evt_1&type=rfq.received';

		const response = await post(body, signed(body), 'text/plain');

		expect(response.status).toBe(400);
		expect(response.data.error.code).toBe('bad_request');
		expectNothingStarted();
	});

	test('byte order mark tolerated', async () => {
		const body = `\uFEFF${envelope()}`;

		const response = await post(body, signed(body));

		expect(response.status).toBe(200);
		expect(trigger.startedItems()).toHaveLength(1);
	});

	test('signed non-event JSON rejected', async () => {
		const body = JSON.stringify([{ id: 'evt_1' }]);

		const response = await post(body, signed(body));

		expect(response.status).toBe(400);
		expectNothingStarted();
	});

	test('unsigned malformed body is 401', async () => {
		const response = await post('not json', {}, 'text/plain');

		expect(response.status).toBe(401);
		expectNothingStarted();
	});

	test('unchosen event acknowledged', async () => {
		const body = envelope(EVENT.quoteOpened);

		const response = await post(body, signed(body));

		expect(response.status).toBe(200);
		expect(response.data).toEqual({ received: true, workflowStarted: false });
		expectNothingStarted();
	});

	test('logs contain no secret or signature', async () => {
		const body = envelope();
		const header = signed(body, { timestamp: nowSeconds() - 1000 });

		await post(body.replace('open', 'closed'), header);
		await post(body, header);

		const logged = JSON.stringify(trigger.logger.records);
		expect(logged).not.toContain(secret);
		expect(logged).not.toContain(header[HEADER.signature].split('v1=')[1]);
		expect(trigger.logger.lines('warn')).toHaveLength(2);
	});

	test('other URL paths not served', async () => {
		const response = await axios.post(
			trigger.url('production').replace('automanet', 'other'),
			'{}',
			{
				validateStatus: () => true,
				proxy: false,
			},
		);

		expect(response.status).toBe(404);
	});
});

describe('trigger without subscription', () => {
	test('no stored secret fails closed', async () => {
		const inactive = await TriggerHarness.start({
			parameters: { events: [EVENT.rfqReceived] },
			credentials: { apiKey: sim.apiKey, baseUrl: sim.url, webhookSecret: 'whsec_in_credential' },
		});
		const body = envelope();

		const response = await axios.post(inactive.url('production'), body, {
			headers: {
				'Content-Type': 'application/json',
				...signed(body, { key: 'whsec_in_credential' }),
			},
			transformRequest: [(data: string) => data],
			validateStatus: () => true,
			proxy: false,
		});
		await inactive.stop();

		expect(response.status).toBe(401);
		expect(inactive.startedItems()).toEqual([]);
		expect(inactive.logger.lines('warn')).toContain(
			'Automa.Net Trigger rejected a delivery: no signing secret',
		);
	});
});
