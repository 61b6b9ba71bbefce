import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import { AutomaNet } from '../../../nodes/AutomaNet/AutomaNet.node';

import { startSimulator, type Simulator } from '../../../simulator';
import { byId, runAutomaNet } from './runAutomaNet';

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

const lineFields = {
	item: [{ partNumber: '774310', brand: 'Pilz', quantity: 1, unitPrice: 189, condition: 'new' }],
};

const quoteFields: IDataObject = {
	currency: 'EUR',
	validUntil: '2099-12-31',
	itemsInputMode: 'fields',
	items: lineFields,
	additionalFields: { rfqId: 'rfq_7Hc2kQ1' },
};

const idFromInput = byId('={{ $json.id }}');

interface OperationCase {
	resource: string;
	operation: string;
	/** Stores what the operation needs and returns the two input items and the parameters. */
	setUp: () => Promise<{ inputs: IDataObject[]; parameters: IDataObject }>;
	/** Number of output items each input item produces. */
	perInput: number;
}

function idsOf(records: Array<{ id: string }>): IDataObject[] {
	return records.map((record) => ({ id: record.id }));
}

async function acceptedOrders(): Promise<IDataObject[]> {
	const orders = idsOf(sim.seed.orders(2));
	const accepted = await runAutomaNet(
		sim,
		{ resource: 'order', operation: 'accept', orderId: idFromInput },
		{ inputItems: orders },
	);
	expect(accepted.error).toBeUndefined();
	return orders;
}

const operationCases: OperationCase[] = [
	{
		resource: 'rfq',
		operation: 'get',
		setUp: async () => ({
			inputs: [{ id: 'rfq_7Hc2kQ1' }, { id: 'rfq_9Lm4pR8' }],
			parameters: { rfqId: idFromInput },
		}),
		perInput: 1,
	},
	{
		resource: 'rfq',
		operation: 'getAll',
		setUp: async () => ({
			inputs: [{}, {}],
			parameters: { direction: 'received', returnAll: false, limit: 2 },
		}),
		perInput: 2,
	},
	{
		resource: 'quote',
		operation: 'create',
		setUp: async () => ({ inputs: [{}, {}], parameters: quoteFields }),
		perInput: 1,
	},
	{
		resource: 'quote',
		operation: 'update',
		setUp: async () => ({
			inputs: idsOf(sim.seed.quotes(2)),
			parameters: { ...quoteFields, quoteId: idFromInput },
		}),
		perInput: 1,
	},
	{
		resource: 'quote',
		operation: 'send',
		setUp: async () => ({
			inputs: idsOf(sim.seed.quotes(2)),
			parameters: { quoteId: idFromInput },
		}),
		perInput: 1,
	},
	{
		resource: 'quote',
		operation: 'get',
		setUp: async () => ({
			inputs: idsOf(sim.seed.quotes(2)),
			parameters: { quoteId: idFromInput },
		}),
		perInput: 1,
	},
	{
		resource: 'quote',
		operation: 'getAll',
		setUp: async () => {
			sim.seed.quotes(3);
			return { inputs: [{}, {}], parameters: { returnAll: true } };
		},
		perInput: 3,
	},
	{
		resource: 'quote',
		operation: 'getTracking',
		setUp: async () => ({
			inputs: idsOf(sim.seed.quotes(2)),
			parameters: { quoteId: idFromInput },
		}),
		perInput: 1,
	},
	{
		resource: 'order',
		operation: 'get',
		setUp: async () => ({
			inputs: idsOf(sim.seed.orders(2)),
			parameters: { orderId: idFromInput },
		}),
		perInput: 1,
	},
	{
		resource: 'order',
		operation: 'getAll',
		setUp: async () => {
			sim.seed.orders(2);
			return { inputs: [{}, {}], parameters: { returnAll: true } };
		},
		perInput: 2,
	},
	{
		resource: 'order',
		operation: 'accept',
		setUp: async () => ({
			inputs: idsOf(sim.seed.orders(2)),
			parameters: { orderId: idFromInput },
		}),
		perInput: 1,
	},
	{
		resource: 'order',
		operation: 'decline',
		setUp: async () => ({
			inputs: idsOf(sim.seed.orders(2)),
			parameters: { orderId: idFromInput, reason: 'Out of stock' },
		}),
		perInput: 1,
	},
	{
		resource: 'order',
		operation: 'updateShipping',
		setUp: async () => ({
			inputs: await acceptedOrders(),
			parameters: { orderId: idFromInput, trackingUrl: 'https://www.ups.com/track?n=1Z999' },
		}),
		perInput: 1,
	},
	{
		resource: 'payment',
		operation: 'get',
		setUp: async () => ({
			inputs: idsOf(sim.seed.payments(2)),
			parameters: { paymentId: idFromInput },
		}),
		perInput: 1,
	},
	{
		resource: 'payment',
		operation: 'getAll',
		setUp: async () => {
			sim.seed.payments(2);
			return { inputs: [{}, {}], parameters: { returnAll: true } };
		},
		perInput: 2,
	},
	{
		resource: 'payment',
		operation: 'updateStatus',
		setUp: async () => ({
			inputs: idsOf(sim.seed.payments(2)),
			parameters: { paymentId: idFromInput, status: 'paid' },
		}),
		perInput: 1,
	},
];

describe('action node pairedItem', () => {
	test.each(operationCases)(
		'$resource $operation pairs every item',
		async ({ resource, operation, setUp, perInput }) => {
			const { inputs, parameters } = await setUp();

			const result = await runAutomaNet(
				sim,
				{ resource, operation, ...parameters },
				{ inputItems: inputs },
			);

			expect(result.error).toBeUndefined();
			const expected = [0, 1].flatMap((item) => Array(perInput).fill({ item }));
			expect(result.items.map((item) => item.pairedItem)).toEqual(expected);
			for (const item of result.items) expect(item.json).not.toHaveProperty('error');
		},
	);

	test('cases cover every operation', () => {
		const described = new AutomaNet().description.properties
			.filter((property) => property.name === 'operation')
			.flatMap((property) => {
				const [resource] = (property.displayOptions?.show?.resource ?? []) as string[];
				const options = (property.options ?? []) as INodePropertyOptions[];
				return options.map((option) => `${resource}.${String(option.value)}`);
			});
		const covered = operationCases.map((entry) => `${entry.resource}.${entry.operation}`);

		expect(described).toHaveLength(16);
		expect(covered.sort()).toEqual(described.sort());
	});

	test('continue on fail pairs error items', async () => {
		const [order] = sim.seed.orders(1);

		const result = await runAutomaNet(
			sim,
			{ resource: 'order', operation: 'decline', orderId: idFromInput, reason: 'Out of stock' },
			{
				inputItems: [{ id: order.id }, { id: order.id }, { id: 'ord_missing' }],
				settings: { continueOnFail: true },
			},
		);

		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(result.items[0].json.status).toBe('declined');
		expect(String(result.items[1].json.error)).toContain(`order ${order.id} is declined`);
		expect(result.items[2].json.error).toBe('Order "ord_missing" was not found in Automa.Net');
	});
});
