import { createHash } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { startSimulator, type Simulator } from '../../../simulator';
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

const goodLine = { partNumber: '774310', brand: 'Pilz', quantity: 1, unitPrice: 189 };

/** Create Quote that takes each input item's lines from its `lines` field. */
const createFromInput: IDataObject = {
	resource: 'quote',
	operation: 'create',
	currency: 'EUR',
	validUntil: '2099-12-31',
	itemsInputMode: 'json',
	itemsJson: '={{ $json.lines }}',
	additionalFields: { rfqId: 'rfq_7Hc2kQ1' },
};

/** Three input items; the third has a fractional quantity on its second line. */
const thirdItemInvalid: IDataObject[] = [
	{ lines: [{ ...goodLine, partNumber: 'PART-1' }] },
	{ lines: [{ ...goodLine, partNumber: 'PART-2' }] },
	{
		lines: [
			{ ...goodLine, partNumber: 'PART-3' },
			{ ...goodLine, quantity: 1.5 },
		],
	},
];

const thirdItemError = 'Item 3, line 2: Quantity must be a positive whole number, got "1.5"';

const trackingUrl = 'https://www.ups.com/track?tracknum=1Z999AA10123456784';

/** Update Shipping that takes each input item's order and tracking URL from its fields. */
const shippingFromInput: IDataObject = {
	resource: 'order',
	operation: 'updateShipping',
	orderId: byId('={{ $json.orderId }}'),
	trackingUrl: '={{ $json.trackingUrl }}',
};

/** Seeds three orders and accepts them through the node, so they can get shipping tracking. */
async function acceptedOrderIds(): Promise<string[]> {
	const ids = sim.seed.orders(3).map((order) => order.id);
	const accepted = await runAutomaNet(
		sim,
		{ resource: 'order', operation: 'accept', orderId: byId('={{ $json.orderId }}') },
		{ inputItems: ids.map((orderId) => ({ orderId })) },
	);
	expect(accepted.error).toBeUndefined();
	return ids;
}

/** Returns the API requests that can change data: every method but GET. */
function writeRequests() {
	return apiRequests(sim).filter((request) => request.method !== 'GET');
}

describe('create quote checks every item first', () => {
	test('invalid item 3 sends nothing', async () => {
		const result = await runAutomaNet(sim, createFromInput, { inputItems: thirdItemInvalid });

		expect(result.error?.message).toBe(thirdItemError);
		expect(result.error?.description).toContain('Set "quantity" of line 2 in Lines (JSON)');
		expect(result.items).toEqual([]);
		expect(writeRequests()).toEqual([]);
		expect(sim.state().quotes).toEqual([]);
	});

	test('continue on fail sends valid items', async () => {
		const result = await runAutomaNet(sim, createFromInput, {
			inputItems: thirdItemInvalid,
			settings: { continueOnFail: true },
		});

		expect(result.error).toBeUndefined();
		const quotes = sim.state().quotes;
		expect(quotes).toHaveLength(2);
		const [first, second, third] = outputJson(result);
		expect(first.id).toBe(quotes[0].id);
		expect(second.id).toBe(quotes[1].id);
		expect(third).toEqual({ error: thirdItemError });
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		const partNumbers = writeRequests().map(
			(request) => ((request.body as IDataObject).items as IDataObject[])[0].partNumber,
		);
		expect(partNumbers).toEqual(['PART-1', 'PART-2']);
	});

	test('idempotency keys per item unchanged', async () => {
		const executionId = 'execution-key-check';
		const valid = thirdItemInvalid.slice(0, 2);

		const result = await runAutomaNet(sim, createFromInput, { inputItems: valid, executionId });

		expect(result.error).toBeUndefined();
		const expectedKeys = [0, 1].map(
			(itemIndex) =>
				'n8n-' +
				createHash('sha256')
					.update(JSON.stringify([executionId, 'node-under-test', 0, itemIndex, 'quote.create']))
					.digest('hex'),
		);
		expect(writeRequests().map((request) => request.idempotencyKey)).toEqual(expectedKeys);
	});
});

describe('update shipping checks every item first', () => {
	test('bad URL on item 2 sends nothing', async () => {
		const ids = await acceptedOrderIds();
		const inputItems = [
			{ orderId: ids[0], trackingUrl },
			{ orderId: ids[1], trackingUrl: 'www.ups.com/track' },
			{ orderId: ids[2], trackingUrl },
		];

		const result = await runAutomaNet(sim, shippingFromInput, { inputItems });

		expect(result.error?.message).toBe(
			'Item 2: Tracking URL must be an http or https URL, got "www.ups.com/track"',
		);
		expect(result.error?.description).toContain('starting with https://');
		expect(apiRequests(sim).filter((request) => request.method === 'PUT')).toEqual([]);
		expect(sim.state().orders.map((order) => order.status)).toEqual([
			'accepted',
			'accepted',
			'accepted',
		]);
	});

	test('continue on fail keeps item order', async () => {
		const ids = await acceptedOrderIds();
		const inputItems = [
			{ orderId: ids[0], trackingUrl },
			{ orderId: ids[1], trackingUrl: 'ftp://example.com/1' },
			{ orderId: ids[2], trackingUrl },
		];

		const result = await runAutomaNet(sim, shippingFromInput, {
			inputItems,
			settings: { continueOnFail: true },
		});

		expect(result.error).toBeUndefined();
		const [first, second, third] = outputJson(result);
		expect(first.id).toBe(ids[0]);
		expect(first.status).toBe('shipped');
		expect(second).toEqual({
			error: 'Item 2: Tracking URL must be an http or https URL, got "ftp://example.com/1"',
		});
		expect(third.id).toBe(ids[2]);
		expect(third.status).toBe('shipped');
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		const puts = apiRequests(sim).filter((request) => request.method === 'PUT');
		expect(puts.map((request) => request.path)).toEqual([
			`/orders/${ids[0]}/shipping`,
			`/orders/${ids[2]}/shipping`,
		]);
	});
});

describe('read operations check every item first', () => {
	test('get with empty item 3 ID', async () => {
		const result = await runAutomaNet(
			sim,
			{ resource: 'rfq', operation: 'get', rfqId: byId('={{ $json.rfqId }}') },
			{ inputItems: [{ rfqId: 'rfq_7Hc2kQ1' }, { rfqId: 'rfq_9Lm4pR8' }, { rfqId: '' }] },
		);

		expect(result.error?.message).toBe('Item 3: RFQ ID is empty');
		expect(apiRequests(sim)).toEqual([]);
	});

	test('getAll with bad item 2 limit', async () => {
		const result = await runAutomaNet(
			sim,
			{ resource: 'quote', operation: 'getAll', returnAll: false, limit: '={{ $json.limit }}' },
			{ inputItems: [{ limit: 5 }, { limit: 0 }] },
		);

		expect(result.error?.message).toBe(
			'Item 2: Limit must be a whole number of 1 or more, got "0"',
		);
		expect(apiRequests(sim)).toEqual([]);
	});
});
