import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { startSimulator } from '../../simulator';
import type { Simulator } from '../../simulator';
import { MAX_PER_PAGE, PATH } from '../../nodes/shared/transport/wire';
import { runNode } from '../harness';
import type { RunNodeOptions } from '../harness';

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

function probe(parameters: RunNodeOptions['parameters'], baseUrl = sim.url) {
	return runNode({
		node: 'transportProbe',
		parameters: { path: PATH.quotes, ...parameters },
		credentials: { apiKey: sim.apiKey, baseUrl },
	});
}

function listRequests() {
	return sim
		.state()
		.requests.filter((request) => request.method === 'GET' && request.path === PATH.quotes)
		.map((request) => ({ page: request.query.page, perPage: request.query.perPage }));
}

function recordsOf(result: Awaited<ReturnType<typeof runNode>>): unknown[] {
	return result.items[0].json.records as unknown[];
}

describe('requestListPage', () => {
	test('reads one page', async () => {
		sim.seed.quotes(30);

		const result = await probe({ call: 'listPage', page: 2, perPage: 25 });

		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ page: 2, totalPages: 2, totalItems: 30 });
		expect(result.items[0].json.records).toHaveLength(5);
		expect(listRequests()).toEqual([{ page: '2', perPage: '25' }]);
	});
});

describe('requestAllPages', () => {
	test('no limit uses the max page size', async () => {
		sim.seed.quotes(250);

		const result = await probe({ call: 'allPages' });

		expect(result.error).toBeUndefined();
		const ids = recordsOf(result).map((record) => (record as { id: string }).id);
		expect(ids).toHaveLength(250);
		expect(new Set(ids).size).toBe(250);
		expect(listRequests()).toEqual([
			{ page: '1', perPage: String(MAX_PER_PAGE) },
			{ page: '2', perPage: String(MAX_PER_PAGE) },
			{ page: '3', perPage: String(MAX_PER_PAGE) },
		]);
	});

	test('limit below a page', async () => {
		sim.seed.quotes(250);

		const result = await probe({ call: 'allPages', limit: 30 });

		expect(recordsOf(result)).toHaveLength(30);
		expect(listRequests()).toEqual([{ page: '1', perPage: '30' }]);
	});

	test('limit across pages stops early', async () => {
		sim.seed.quotes(250);

		const result = await probe({ call: 'allPages', limit: 150 });

		expect(recordsOf(result)).toHaveLength(150);
		expect(listRequests()).toEqual([
			{ page: '1', perPage: '100' },
			{ page: '2', perPage: '100' },
		]);
	});

	test('exact multiple ends on last page', async () => {
		sim.seed.quotes(200);

		const result = await probe({ call: 'allPages' });

		expect(recordsOf(result)).toHaveLength(200);
		expect(listRequests()).toHaveLength(2);
	});

	test('empty list takes one request', async () => {
		const result = await probe({ call: 'allPages' });

		expect(recordsOf(result)).toEqual([]);
		expect(listRequests()).toHaveLength(1);
	});

	test('endless server is cut off', async () => {
		// A broken server that always reports one more page, each with one record.
		let requestCount = 0;
		const endless = http.createServer((request, response) => {
			requestCount += 1;
			const page = Number(new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get('page'));
			response.setHeader('content-type', 'application/json');
			response.end(
				JSON.stringify({
					data: [{ id: `qt_${page}` }],
					pagination: { page, perPage: 100, totalItems: page + 1, totalPages: page + 1 },
				}),
			);
		});
		await new Promise<void>((resolve) => endless.listen(0, '127.0.0.1', resolve));
		const { port } = endless.address() as AddressInfo;

		try {
			const result = await probe({ call: 'allPages' }, `http://127.0.0.1:${port}/v1`);

			expect(result.error?.message).toBe(
				'Automa.Net kept reporting more pages of /quotes after 1000 pages',
			);
			expect(requestCount).toBe(1000);
		} finally {
			await new Promise<void>((resolve) => endless.close(() => resolve()));
		}
	});
});
