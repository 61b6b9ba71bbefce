import { ERROR_CODE, PATH, listQuery, type ListFilters } from '../../nodes/shared/transport/wire';
import { startSimulator, type Simulator } from '../../simulator';
import { createApiClient } from './apiClient';
import { quoteInput } from './quoteInput';

function ids(records: Array<{ id: string }>): string[] {
	return records.map((record) => record.id);
}

describe('simulator list pagination', () => {
	let simulator: Simulator;

	beforeAll(async () => {
		simulator = await startSimulator({ seed: false });
	});

	afterAll(async () => {
		await simulator.stop();
	});

	beforeEach(() => simulator.reset());

	async function listRfqs(filters: ListFilters, page: number, perPage: number) {
		return createApiClient(simulator).get(PATH.rfqs('received'), {
			params: listQuery(filters, page, perPage),
		});
	}

	test('empty list', async () => {
		const response = await listRfqs({}, 1, 25);
		expect(response.status).toBe(200);
		expect(response.data).toEqual({
			data: [],
			pagination: { page: 1, perPage: 25, totalItems: 0, totalPages: 0 },
		});
	});

	test('defaults to 25 per page', async () => {
		simulator.seed.rfqs(30);
		const response = await createApiClient(simulator).get(PATH.rfqs('received'));
		expect(response.data.data).toHaveLength(25);
		expect(response.data.pagination).toEqual({
			page: 1,
			perPage: 25,
			totalItems: 30,
			totalPages: 2,
		});
	});

	test('exactly one page', async () => {
		simulator.seed.rfqs(25);
		const response = await listRfqs({}, 1, 25);
		expect(response.data.data).toHaveLength(25);
		expect(response.data.pagination.totalPages).toBe(1);
	});

	test('last partial page', async () => {
		const seeded = simulator.seed.rfqs(61);
		const response = await listRfqs({}, 3, 25);
		expect(response.data.pagination).toEqual({
			page: 3,
			perPage: 25,
			totalItems: 61,
			totalPages: 3,
		});
		expect(ids(response.data.data)).toEqual(ids(seeded.slice(50)));
	});

	test('page past the end is empty', async () => {
		simulator.seed.rfqs(3);
		const response = await listRfqs({}, 2, 25);
		expect(response.status).toBe(200);
		expect(response.data.data).toEqual([]);
		expect(response.data.pagination.totalPages).toBe(1);
	});

	test('perPage 100 accepted', async () => {
		simulator.seed.rfqs(120);
		const response = await listRfqs({}, 1, 100);
		expect(response.data.data).toHaveLength(100);
		expect(response.data.pagination.totalPages).toBe(2);
	});

	test.each([
		['perPage', 1, 101, 'must be <= 100'],
		['perPage', 1, 0, 'must be >= 1'],
		['page', 0, 25, 'must be >= 1'],
	])('%s out of range rejected (page %d, perPage %d)', async (field, page, perPage, message) => {
		const response = await listRfqs({}, page, perPage);
		expect(response.status).toBe(400);
		expect(response.data.error.code).toBe(ERROR_CODE.badRequest);
		expect(response.data.error.details).toEqual([{ field, message }]);
	});

	test('pages cover every record once', async () => {
		const seeded = simulator.seed.rfqs(23);
		const seen: string[] = [];
		for (let page = 1; page <= 5; page++)
			seen.push(...ids((await listRfqs({}, page, 5)).data.data));
		expect(seen).toEqual(ids(seeded));
	});
});

describe('simulator list sorting', () => {
	test('ties broken by id', async () => {
		const fixed = new Date('2026-12-01T10:00:00.000Z');
		const simulator = await startSimulator({ seed: false, now: () => fixed });
		try {
			const seeded = simulator.seed.rfqs(6);
			const client = createApiClient(simulator);
			const expected = ids(seeded).sort((left, right) => (left < right ? -1 : 1));
			const ascending = (await client.get(PATH.rfqs('received'), { params: { sort: 'createdAt' } }))
				.data;
			const descending = (
				await client.get(PATH.rfqs('received'), { params: { sort: '-updatedAt' } })
			).data;

			expect(new Set(seeded.map((rfq) => rfq.createdAt)).size).toBe(1);
			expect(ids(ascending.data)).toEqual(expected);
			expect(ids(descending.data)).toEqual([...expected].reverse());
		} finally {
			await simulator.stop();
		}
	});

	test('sort by updatedAt', async () => {
		const simulator = await startSimulator({ seed: false });
		try {
			const client = createApiClient(simulator);
			const quotes = simulator.seed.quotes(3);
			await client.post(PATH.quoteSend(quotes[0].id));
			const byUpdated = (await client.get(PATH.quotes, { params: { sort: 'updatedAt' } })).data;
			const byCreatedDesc = (await client.get(PATH.quotes, { params: { sort: '-createdAt' } }))
				.data;

			expect(ids(byUpdated.data)).toEqual([quotes[1].id, quotes[2].id, quotes[0].id]);
			expect(ids(byCreatedDesc.data)).toEqual([quotes[2].id, quotes[1].id, quotes[0].id]);
		} finally {
			await simulator.stop();
		}
	});

	test('default sort is createdAt', async () => {
		const simulator = await startSimulator();
		try {
			const response = await createApiClient(simulator).get(PATH.rfqs('received'));
			expect(ids(response.data.data)).toEqual([
				'rfq_8Nd6jW2',
				'rfq_7Hc2kQ1',
				'rfq_9Lm4pR8',
				'rfq_2Qw8zT5',
			]);
		} finally {
			await simulator.stop();
		}
	});
});

describe('simulator list filters', () => {
	let simulator: Simulator;

	beforeAll(async () => {
		simulator = await startSimulator();
	});

	afterAll(async () => {
		await simulator.stop();
	});

	beforeEach(() => simulator.reset());

	async function listIds(path: string, filters: Record<string, string>): Promise<string[]> {
		const response = await createApiClient(simulator).get(path, { params: filters });
		expect(response.status).toBe(200);
		return ids(response.data.data);
	}

	test('direction separates RFQs', async () => {
		expect(await listIds(PATH.rfqs('sent'), {})).toEqual(['rfq_5Xe1vN3']);
		expect(await listIds(PATH.rfqs('received'), {})).not.toContain('rfq_5Xe1vN3');
	});

	test('status filter', async () => {
		expect(await listIds(PATH.rfqs('received'), { status: 'open' })).toEqual([
			'rfq_7Hc2kQ1',
			'rfq_9Lm4pR8',
		]);
	});

	test('status outside the enumeration rejected', async () => {
		const response = await createApiClient(simulator).get(PATH.rfqs('received'), {
			params: { status: 'draft' },
		});
		expect(response.status).toBe(400);
		expect(response.data.error.details).toEqual([
			{ field: 'status', message: 'must be one of open, quoted, closed, expired' },
		]);
	});

	test.each([
		['1756-l71', ['rfq_9Lm4pR8']],
		['pilz', ['rfq_7Hc2kQ1']],
		['noordveld', ['rfq_7Hc2kQ1']],
		['nothing-like-this', []],
	])('search %s', async (search, expected) => {
		expect(await listIds(PATH.rfqs('received'), { search })).toEqual(expected);
	});

	test('created bounds are inclusive', async () => {
		const found = await listIds(PATH.rfqs('received'), {
			createdFrom: '2026-11-02T09:40:51Z',
			createdTo: '2026-11-03T13:02:17Z',
		});
		expect(found).toEqual(['rfq_9Lm4pR8', 'rfq_2Qw8zT5']);
	});

	test('date-only createdTo covers the day', async () => {
		expect(await listIds(PATH.rfqs('received'), { createdTo: '2026-11-02' })).toEqual([
			'rfq_8Nd6jW2',
			'rfq_7Hc2kQ1',
			'rfq_9Lm4pR8',
		]);
	});

	test('updatedFrom is inclusive', async () => {
		const client = createApiClient(simulator);
		const quote = (await client.post(PATH.quotes, quoteInput())).data;
		const sent = (await client.post(PATH.quoteSend(quote.id))).data;
		const found = await listIds(PATH.rfqs('received'), { updatedFrom: sent.updatedAt });
		expect(found).toEqual(['rfq_7Hc2kQ1']);
		const later = new Date(Date.parse(sent.updatedAt) + 1).toISOString();
		expect(await listIds(PATH.rfqs('received'), { updatedFrom: later })).toEqual([]);
	});

	test('quotes filter by rfqId and status', async () => {
		const client = createApiClient(simulator);
		const forRfq = (await client.post(PATH.quotes, quoteInput())).data;
		const [other] = simulator.seed.quotes(1);
		await client.post(PATH.quoteSend(other.id));

		expect(await listIds(PATH.quotes, { rfqId: 'rfq_7Hc2kQ1' })).toEqual([forRfq.id]);
		expect(await listIds(PATH.quotes, { status: 'sent' })).toEqual([other.id]);
		expect(await listIds(PATH.quotes, { search: 'seeded buyer' })).toEqual([other.id]);
	});

	test('orders and payments filters', async () => {
		const payments = simulator.seed.payments(2);
		const orders = simulator.seed.orders(1);

		expect(await listIds(PATH.orders, { status: 'received' })).toEqual([orders[0].id]);
		expect(await listIds(PATH.orders, { status: 'accepted' })).toEqual(
			payments.map((payment) => payment.orderId),
		);
		expect(await listIds(PATH.payments, { orderId: payments[1].orderId })).toEqual([
			payments[1].id,
		]);
		expect(await listIds(PATH.payments, { status: 'pending' })).toEqual(ids(payments));
	});
});
