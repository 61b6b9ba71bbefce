import { startSimulator, type Simulator } from '../../../simulator';
import { SIMPLIFIED_FIELDS } from '../../../nodes/shared/transport/wire';
import { apiRequests, outputJson, runAutomaNet } from './runAutomaNet';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({ seed: false });
});

afterAll(async () => {
	await sim.stop();
});

beforeEach(() => {
	sim.reset();
});

function getManyQuotes(parameters: Record<string, unknown>) {
	return runAutomaNet(sim, { resource: 'quote', operation: 'getAll', ...parameters });
}

function pagesRequested(): Array<{ page: string; perPage: string }> {
	return apiRequests(sim).map((request) => ({
		page: request.query.page,
		perPage: request.query.perPage,
	}));
}

describe('action node Return All', () => {
	test.each([
		{ records: 0, pages: 1 },
		{ records: 1, pages: 1 },
		{ records: 100, pages: 1 },
		{ records: 250, pages: 3 },
	])('$records records in $pages requests', async ({ records, pages }) => {
		const seeded = sim.seed.quotes(records);

		const result = await getManyQuotes({ returnAll: true });

		expect(result.error).toBeUndefined();
		expect(outputJson(result).map((quote) => quote.id)).toEqual(seeded.map((quote) => quote.id));
		expect(pagesRequested()).toEqual(
			Array.from({ length: pages }, (_, index) => ({ page: String(index + 1), perPage: '100' })),
		);
		expect(result.items.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(
			true,
		);
	});
});

describe('action node Limit', () => {
	test('default 50 reads one page', async () => {
		const seeded = sim.seed.quotes(120);

		const result = await getManyQuotes({});

		expect(outputJson(result).map((quote) => quote.id)).toEqual(
			seeded.slice(0, 50).map((quote) => quote.id),
		);
		expect(pagesRequested()).toEqual([{ page: '1', perPage: '50' }]);
	});

	test('150 reads two pages of 100', async () => {
		const seeded = sim.seed.quotes(250);

		const result = await getManyQuotes({ returnAll: false, limit: 150 });

		expect(outputJson(result).map((quote) => quote.id)).toEqual(
			seeded.slice(0, 150).map((quote) => quote.id),
		);
		expect(pagesRequested()).toEqual([
			{ page: '1', perPage: '100' },
			{ page: '2', perPage: '100' },
		]);
	});

	test('above the total returns all', async () => {
		sim.seed.quotes(30);

		const result = await getManyQuotes({ returnAll: false, limit: 200 });

		expect(result.items).toHaveLength(30);
		expect(pagesRequested()).toEqual([{ page: '1', perPage: '100' }]);
	});

	test('newest first with sort option', async () => {
		const seeded = sim.seed.quotes(5);

		const result = await getManyQuotes({
			returnAll: false,
			limit: 2,
			options: { sort: '-createdAt' },
		});

		expect(outputJson(result).map((quote) => quote.id)).toEqual([seeded[4].id, seeded[3].id]);
	});
});

describe('action node Simplify on lists', () => {
	test('RFQs keep listed fields', async () => {
		sim.seed.rfqs(3);

		const result = await runAutomaNet(sim, {
			resource: 'rfq',
			operation: 'getAll',
			direction: 'received',
			returnAll: true,
			simplify: true,
		});

		expect(result.items).toHaveLength(3);
		for (const rfq of outputJson(result)) {
			expect(Object.keys(rfq)).toEqual(
				SIMPLIFIED_FIELDS.rfq.filter((field) => Object.keys(rfq).includes(field)),
			);
			expect(rfq).not.toHaveProperty('supplier');
			expect(rfq).not.toHaveProperty('updatedAt');
		}
	});

	test('orders keep listed fields', async () => {
		sim.seed.orders(2);

		const result = await runAutomaNet(sim, {
			resource: 'order',
			operation: 'getAll',
			returnAll: true,
			simplify: true,
		});

		expect(result.items).toHaveLength(2);
		for (const order of outputJson(result)) {
			expect(Object.keys(order)).toEqual([...SIMPLIFIED_FIELDS.order]);
		}
	});
});
