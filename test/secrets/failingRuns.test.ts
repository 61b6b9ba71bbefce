import { inspect } from 'node:util';

import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { signDelivery, startSimulator } from '../../simulator';
import type { Simulator } from '../../simulator';
import { EVENT, HEADER } from '../../nodes/shared/transport/wire';
import { MAX_RETRIES } from '../../nodes/shared/transport/retryPolicy';
import { setRejectionLogLimit } from '../../nodes/AutomaNetTrigger/rejectionLogLimit';
import { setUpN8nEnvironment } from '../harness';
import type { RunNodeResult } from '../harness';
import { PollTriggerHarness } from '../harness/pollTrigger';
import { TriggerHarness } from '../harness/webhookTrigger';
import { byId, runAutomaNet } from '../nodes/automanet/runAutomaNet';

// Keys long and distinct enough that no other text contains them by chance.
const API_KEY = 'amk_live_7f3c9e21d4b84a0f9c5e6a1b2d3f4e5a';
const WRONG_API_KEY = 'amk_live_0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d';
const FOREIGN_WEBHOOK_SECRET = 'whsec_3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b';

let sim: Simulator;
const simulatorLog: string[] = [];
/** Every text a user or an operator could see: errors, output items and HTTP responses. */
const visibleTexts: string[] = [];
/** The webhook signing secret and the signature digests the trigger received. */
const signingValues: string[] = [];

/** Renders an error the way a log line or the editor could show it, cause and context included. */
function renderError(error: unknown): string {
	if (error === undefined) return '';
	const fields = error as { message?: string; description?: string; stack?: string };
	return [
		fields.message,
		fields.description,
		fields.stack,
		JSON.stringify(error),
		inspect(error, { depth: 8 }),
	].join('\n');
}

function recordFailedRun(result: RunNodeResult): void {
	expect(result.error ?? result.items.some((item) => item.json.error)).toBeTruthy();
	visibleTexts.push(renderError(result.error));
	visibleTexts.push(JSON.stringify(result.items));
}

/** Returns the digest of a signature header `t=<seconds>,v1=<hex>`. */
function digestOf(header: string): string {
	return header.split('v1=')[1];
}

beforeAll(async () => {
	sim = await startSimulator({
		apiKey: API_KEY,
		deliveryRetryDelaysMs: [],
		log: (line) => simulatorLog.push(line),
	});
	setUpN8nEnvironment().clear();
	// Logs every rejection, so each one is checked for secrets.
	setRejectionLogLimit({ windowMs: 0 });
});

afterAll(async () => {
	setRejectionLogLimit();
	await sim.stop();
});

describe('secrets in failing runs', () => {
	test('action node failures', async () => {
		recordFailedRun(
			await runAutomaNet(
				sim,
				{ resource: 'rfq', operation: 'get', rfqId: byId('rfq_7Hc2kQ1') },
				{ credentials: { apiKey: WRONG_API_KEY, baseUrl: sim.url } },
			),
		);

		sim.faults.failNext(MAX_RETRIES + 1, 503);
		recordFailedRun(
			await runAutomaNet(sim, { resource: 'order', operation: 'getAll', returnAll: true }),
		);

		sim.faults.failNext(MAX_RETRIES + 1, 429, { retryAfterSeconds: 0 });
		recordFailedRun(
			await runAutomaNet(sim, { resource: 'quote', operation: 'get', quoteId: byId('qt_x') }),
		);

		sim.faults.failNext(MAX_RETRIES + 1, 500, { afterProcessing: true });
		recordFailedRun(
			await runAutomaNet(sim, {
				resource: 'quote',
				operation: 'create',
				currency: 'EUR',
				validUntil: '2099-12-31',
				itemsInputMode: 'fields',
				items: { item: [{ partNumber: '774310', brand: 'Pilz', quantity: 1, unitPrice: 189 }] },
				additionalFields: { buyerCompanyName: 'Nordwerk GmbH' },
			}),
		);
		const quoteId = sim.state().quotes.at(-1)?.id ?? '';
		// Sending a quote without rfqId and buyer e-mail is rejected with 422, an unknown quote with 404.
		recordFailedRun(
			await runAutomaNet(
				sim,
				{ resource: 'quote', operation: 'send', quoteId: byId('={{ $json.quoteId }}') },
				{
					inputItems: [{ quoteId }, { quoteId: 'qt_missing' }],
					settings: { continueOnFail: true },
				},
			),
		);

		const stopped = await startSimulator({ apiKey: API_KEY, seed: false });
		const unreachableUrl = stopped.url;
		await stopped.stop();
		recordFailedRun(
			await runAutomaNet(
				sim,
				{ resource: 'payment', operation: 'get', paymentId: byId('pay_x') },
				{ credentials: { apiKey: API_KEY, baseUrl: unreachableUrl } },
			),
		);

		expect(sim.state().requests.filter((request) => request.status >= 400).length).toBeGreaterThan(
			10,
		);
	});

	test('poll trigger failures', async () => {
		const wrongKey = new PollTriggerHarness({
			parameters: { event: 'newOrder' },
			credentials: { apiKey: WRONG_API_KEY, baseUrl: sim.url },
		});
		const rejected = await wrongKey.poll();
		expect(rejected.error).toBeDefined();
		visibleTexts.push(renderError(rejected.error));

		const serverDown = new PollTriggerHarness({
			parameters: { event: 'newRfq' },
			credentials: { apiKey: API_KEY, baseUrl: sim.url },
		});
		sim.faults.failNext(MAX_RETRIES + 1, 502);
		const failed = await serverDown.poll();
		expect(failed.error).toBeDefined();
		visibleTexts.push(renderError(failed.error));
	});

	test('webhook trigger failures', async () => {
		const trigger = await TriggerHarness.start({
			parameters: { events: [EVENT.rfqReceived] },
			credentials: { apiKey: API_KEY, baseUrl: sim.url },
		});
		try {
			sim.faults.failNext(MAX_RETRIES + 1, 500);
			await trigger.create('production').then(
				() => expect('create succeeded').toBe('create failed'),
				(error: unknown) => visibleTexts.push(renderError(error)),
			);

			await trigger.activate('production');
			const secret = sim.state().webhooks[0].secret;
			expect(secret).toMatch(/^whsec_/);

			const body = JSON.stringify({
				id: 'evt_secrets_1',
				type: EVENT.rfqReceived,
				createdAt: '2026-12-04T10:00:00.000Z',
				data: { id: 'rfq_secrets_1' },
			});
			const now = Math.floor(Date.now() / 1000);
			const headers = [
				signDelivery(secret, now, body),
				signDelivery(secret, now - 3600, body),
				signDelivery(FOREIGN_WEBHOOK_SECRET, now, body),
			];
			for (const [index, header] of headers.entries()) {
				const sentBody = index === 0 ? body.replace('rfq_secrets_1', 'rfq_tampered') : body;
				const response = await axios.post(trigger.url('production'), sentBody, {
					headers: { 'Content-Type': 'application/json', [HEADER.signature]: header },
					transformRequest: [(data: string) => data],
					validateStatus: () => true,
					proxy: false,
				});
				expect(response.status).toBe(401);
				visibleTexts.push(JSON.stringify(response.data));
			}
			const rejections = trigger.logger
				.lines('warn')
				.filter((line) => line.startsWith('Automa.Net Trigger rejected a delivery'));
			expect(rejections).toHaveLength(3);

			sim.faults.failNext(MAX_RETRIES + 1, 500);
			await trigger.delete('production').then(
				() => expect('delete succeeded').toBe('delete failed'),
				(error: unknown) => visibleTexts.push(renderError(error)),
			);

			signingValues.push(secret, ...headers.map(digestOf));
		} finally {
			await trigger.stop();
		}
	});

	test('no secret in logs, errors or outputs', () => {
		const records = setUpN8nEnvironment().records;
		expect(records.filter((record) => record.level === 'warn').length).toBeGreaterThan(5);
		expect(visibleTexts.length).toBeGreaterThan(10);
		expect(simulatorLog.length).toBeGreaterThan(20);

		const texts: Array<[string, string]> = [
			['logs', JSON.stringify(records as unknown as IDataObject[])],
			['errors and outputs', visibleTexts.join('\n')],
			['simulator log', simulatorLog.join('\n')],
		];
		for (const [source, text] of texts) {
			expect({ source, hasApiKey: text.includes(API_KEY) }).toEqual({ source, hasApiKey: false });
			expect({ source, hasWrongKey: text.includes(WRONG_API_KEY) }).toEqual({
				source,
				hasWrongKey: false,
			});
			expect({ source, hasBearer: /bearer\s/i.test(text) }).toEqual({ source, hasBearer: false });
			for (const value of signingValues) {
				expect({ source, value, found: text.includes(value) }).toEqual({
					source,
					value,
					found: false,
				});
			}
		}
		expect(signingValues).toHaveLength(4);
	});
});
