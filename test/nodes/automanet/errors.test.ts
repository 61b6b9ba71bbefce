import type { IDataObject, NodeApiError } from 'n8n-workflow';

import { startSimulator, type Simulator } from '../../../simulator';
import { MAX_RETRIES } from '../../../nodes/shared/transport/retryPolicy';
import { apiRequests, byId, outputJson, runAutomaNet } from './runAutomaNet';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator();
});

afterAll(async () => {
	await sim.stop();
});

beforeEach(() => {
	sim.reset();
});

const createQuoteParameters: IDataObject = {
	resource: 'quote',
	operation: 'create',
	currency: 'EUR',
	validUntil: '2099-12-31',
	itemsInputMode: 'fields',
	items: { item: [{ partNumber: '774310', brand: 'Pilz', quantity: 1, unitPrice: 189 }] },
	additionalFields: { rfqId: 'rfq_7Hc2kQ1' },
};

describe('action node API errors', () => {
	test('401 names the credential', async () => {
		const result = await runAutomaNet(
			sim,
			{ resource: 'rfq', operation: 'get', rfqId: byId('rfq_7Hc2kQ1') },
			{ credentials: { apiKey: 'wrong_key', baseUrl: sim.url } },
		);

		expect(result.error?.message).toBe('The Automa.Net API key was rejected');
		expect(result.error?.description).toContain('Check the API key and the base URL');
		expect(result.error?.description).not.toContain('wrong_key');
	});

	test('404 names the quote', async () => {
		const result = await runAutomaNet(sim, {
			resource: 'quote',
			operation: 'get',
			quoteId: byId('qt_missing'),
		});

		expect(result.error?.message).toBe('Quote "qt_missing" was not found in Automa.Net');
		expect(apiRequests(sim).map((request) => request.status)).toEqual([404]);
	});

	test('404 on a list without /v1', async () => {
		const baseUrl = sim.url.replace(/\/v1$/, '');

		const result = await runAutomaNet(
			sim,
			{ resource: 'rfq', operation: 'getAll', direction: 'received', returnAll: true },
			{ credentials: { apiKey: sim.apiKey, baseUrl } },
		);

		expect(result.error?.message).toBe('The Automa.Net endpoint GET /rfqs/received was not found');
		expect(result.error?.description).toContain(
			`The base URL (${baseUrl}) does not point at the Automa.Net API. Check that the base URL in the Automa.Net API credential ends with /v1, e.g. https://api.automa.net/v1.`,
		);
		expect(result.error?.description).not.toContain('Check the ID');
		expect((result.error as NodeApiError | undefined)?.httpCode).toBe('404');
	});

	test('409 on a declined order', async () => {
		const [order] = sim.seed.orders(1);
		const parameters = {
			resource: 'order',
			operation: 'decline',
			orderId: byId(order.id),
			reason: 'Out of stock',
		};
		await runAutomaNet(sim, parameters);

		const result = await runAutomaNet(sim, { ...parameters, operation: 'accept' });

		expect(result.error?.message).toBe(
			`Automa.Net rejected the action on order "${order.id}": order ${order.id} is declined; only received orders can be accepted`,
		);
		expect(result.error?.description).toContain(
			'An order can be accepted or declined only while its status is received.',
		);
	});

	test('422 lists the invalid fields', async () => {
		const created = await runAutomaNet(sim, {
			...createQuoteParameters,
			additionalFields: { buyerCompanyName: 'Nordwerk GmbH' },
		});
		const quoteId = String(created.items[0].json.id);

		const result = await runAutomaNet(sim, {
			resource: 'quote',
			operation: 'send',
			quoteId: byId(quoteId),
		});

		expect(result.error?.message).toBe(
			'Automa.Net rejected invalid fields: buyer.email is required to send a quote without rfqId',
		);
	});

	test('403 names the order', async () => {
		// The simulator has one account, so a 403 only comes from an injected fault.
		sim.faults.failNext(1, 403);

		const result = await runAutomaNet(sim, {
			resource: 'order',
			operation: 'get',
			orderId: byId('ord_foreign'),
		});

		expect(result.error?.message).toBe(
			'The Automa.Net API key is not allowed to access order "ord_foreign"',
		);
		expect(result.error?.description).toContain('supplier account of this API key');
		expect(result.error?.name).toBe('NodeApiError');
		expect((result.error as NodeApiError).httpCode).toBe('403');
	});

	test('400 names method and path', async () => {
		sim.faults.failNext(1, 400);

		const result = await runAutomaNet(sim, {
			resource: 'rfq',
			operation: 'get',
			rfqId: byId('rfq_7Hc2kQ1'),
		});

		expect(result.error?.message).toBe('Automa.Net rejected GET /rfqs/rfq_7Hc2kQ1 with status 400');
		expect(result.error?.description).toMatch(/^Automa.Net returned: /);
		expect(apiRequests(sim).map((request) => request.status)).toEqual([400]);
	});

	test('429 on every attempt fails', async () => {
		sim.faults.failNext(MAX_RETRIES + 1, 429, { retryAfterSeconds: 0 });

		const result = await runAutomaNet(sim, {
			resource: 'payment',
			operation: 'getAll',
			returnAll: true,
		});

		expect(result.error?.message).toBe(
			`Automa.Net rate-limited the request on each of ${MAX_RETRIES + 1} attempts`,
		);
		expect(result.error?.description).toContain('Wait a minute');
		expect(apiRequests(sim).map((request) => request.status)).toEqual(
			Array(MAX_RETRIES + 1).fill(429),
		);
	});

	test('5xx on GET fails after retries', async () => {
		sim.faults.failNext(MAX_RETRIES + 1, 502);

		const result = await runAutomaNet(sim, {
			resource: 'quote',
			operation: 'getTracking',
			quoteId: byId('qt_any'),
		});

		expect(result.error?.message).toBe(
			`Automa.Net failed with server error 502 after ${MAX_RETRIES + 1} attempts`,
		);
		expect(apiRequests(sim)).toHaveLength(MAX_RETRIES + 1);
	});

	test('429 then success', async () => {
		sim.faults.failNext(1, 429, { retryAfterSeconds: 0 });

		const result = await runAutomaNet(sim, {
			resource: 'rfq',
			operation: 'get',
			rfqId: byId('rfq_7Hc2kQ1'),
		});

		expect(result.error).toBeUndefined();
		expect(outputJson(result)[0].id).toBe('rfq_7Hc2kQ1');
		expect(apiRequests(sim).map((request) => request.status)).toEqual([429, 200]);
	});

	test('lost create response leaves one quote', async () => {
		// Every transport attempt of the first run is stored, then gets a 503 response, so the
		// transport gives up and n8n's Retry On Fail runs the node again with the same key.
		sim.faults.failNext(MAX_RETRIES + 1, 503, { afterProcessing: true });

		const result = await runAutomaNet(sim, createQuoteParameters, {
			settings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 },
		});

		expect(result.error).toBeUndefined();
		const posts = apiRequests(sim).filter((request) => request.method === 'POST');
		expect(posts.map((request) => request.status)).toEqual([503, 503, 503, 503, 201]);
		expect(new Set(posts.map((request) => request.idempotencyKey)).size).toBe(1);
		expect(sim.state().quotes).toHaveLength(1);
		expect(outputJson(result)[0].id).toBe(sim.state().quotes[0].id);
	});

	test('create without retry reports the 5xx', async () => {
		sim.faults.failNext(MAX_RETRIES + 1, 503, { afterProcessing: true });

		const result = await runAutomaNet(sim, createQuoteParameters);

		expect(result.error?.message).toBe(
			`Automa.Net failed with server error 503 after ${MAX_RETRIES + 1} attempts`,
		);
		expect(sim.state().quotes).toHaveLength(1);
	});
});

describe('action node continue on fail', () => {
	test('bad items output errors, good ones run', async () => {
		const result = await runAutomaNet(
			sim,
			{ resource: 'rfq', operation: 'get', rfqId: byId('={{ $json.rfqId }}') },
			{
				inputItems: [
					{ rfqId: 'rfq_7Hc2kQ1' },
					{ rfqId: 'rfq_missing' },
					{ rfqId: '' },
					{ rfqId: 'rfq_9Lm4pR8' },
				],
				settings: { continueOnFail: true },
			},
		);

		expect(result.error).toBeUndefined();
		expect(outputJson(result)).toEqual([
			expect.objectContaining({ id: 'rfq_7Hc2kQ1' }),
			{ error: 'RFQ "rfq_missing" was not found in Automa.Net' },
			{ error: 'Item 3: RFQ ID is empty' },
			expect.objectContaining({ id: 'rfq_9Lm4pR8' }),
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
	});

	test('list output pairs every record', async () => {
		const result = await runAutomaNet(
			sim,
			{
				resource: 'rfq',
				operation: 'getAll',
				direction: '={{ $json.direction }}',
				returnAll: true,
			},
			{
				inputItems: [{ direction: 'sent' }, { direction: 'nowhere' }, { direction: 'received' }],
				settings: { continueOnFail: true },
			},
		);

		const json = outputJson(result);
		expect(json).toHaveLength(1 + 1 + 4);
		expect(json[0].direction).toBe('sent');
		expect(json[1].error).toBe('Item 2: Direction must be received or sent, got "nowhere"');
		expect(json.slice(2).every((rfq) => rfq.direction === 'received')).toBe(true);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 2 },
			{ item: 2 },
			{ item: 2 },
		]);
	});
});
