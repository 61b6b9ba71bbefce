import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject } from 'n8n-workflow';

import { startSimulator } from '../../simulator';
import type { Simulator } from '../../simulator';
import { PATH } from '../../nodes/shared/transport/wire';
import { MAX_RETRIES, RETRY_AFTER_CAP_SECONDS } from '../../nodes/shared/transport/retryPolicy';
import { runNode, setUpN8nEnvironment } from '../harness';
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
	setUpN8nEnvironment().clear();
});

const quoteInput = {
	buyer: { companyName: 'Nordwerk GmbH', email: 'buyer@nordwerk.example' },
	currency: 'EUR',
	validUntil: '2099-01-31',
	items: [{ partNumber: '6ES7214-1AG40-0XB0', brand: 'Siemens', quantity: 2, unitPrice: 310 }],
};

function probe(
	parameters: IDataObject,
	overrides: Partial<RunNodeOptions> = {},
): ReturnType<typeof runNode> {
	return runNode({
		node: 'transportProbe',
		parameters: { call: 'request', ...parameters } as RunNodeOptions['parameters'],
		credentials: { apiKey: sim.apiKey, baseUrl: sim.url },
		...overrides,
	});
}

function requestsTo(method: string, path: string) {
	return sim
		.state()
		.requests.filter((request) => request.method === method && request.path === path);
}

async function createQuote(): Promise<string> {
	const result = await probe({
		method: 'POST',
		path: PATH.quotes,
		body: JSON.stringify(quoteInput),
	});
	expect(result.error).toBeUndefined();
	return String((result.items[0].json.response as IDataObject).id);
}

describe('automaNetApiRequest retries', () => {
	test('429 waits Retry-After then succeeds', async () => {
		sim.faults.failNext(1, 429, { retryAfterSeconds: 2 });
		const startedAt = Date.now();

		const result = await probe({ method: 'GET', path: PATH.me });

		expect(result.error).toBeUndefined();
		expect(Date.now() - startedAt).toBeGreaterThanOrEqual(2000);
		expect(requestsTo('GET', PATH.me).map((request) => request.status)).toEqual([429, 200]);
		expect(result.logger.lines('warn')).toEqual([
			'Automa.Net GET /me failed with status 429; retry 1 of 3 in 2000 ms',
		]);
	});

	test('429 above the cap fails at once', async () => {
		sim.faults.failNext(1, 429, { retryAfterSeconds: 120 });
		const startedAt = Date.now();

		const result = await probe({ method: 'GET', path: PATH.me });

		expect(Date.now() - startedAt).toBeLessThan(500);
		expect(sim.state().requests).toHaveLength(1);
		expect(result.error?.message).toBe(
			'Automa.Net rate-limited the request and requested a wait of 120 seconds',
		);
		expect(result.error?.description).toContain(
			`The node waits at most ${RETRY_AFTER_CAP_SECONDS} seconds for a rate limit`,
		);
		expect(result.error?.description).toContain('Run the workflow again after that delay');
		expect(result.logger.lines('warn')).toEqual([]);
	});

	test('429 above the cap as HTTP date', async () => {
		let requestCount = 0;
		const rateLimiter = createServer((request, response) => {
			requestCount++;
			response.writeHead(429, {
				'Content-Type': 'application/json',
				'Retry-After': new Date(Date.now() + 3_600_000).toUTCString(),
			});
			response.end(JSON.stringify({ error: { code: 'rate_limited', message: 'slow down' } }));
		});
		await new Promise<void>((resolve) => rateLimiter.listen(0, '127.0.0.1', resolve));
		const { port } = rateLimiter.address() as AddressInfo;

		try {
			const startedAt = Date.now();
			const result = await probe(
				{ method: 'GET', path: PATH.me },
				{ credentials: { apiKey: 'sim_test_key', baseUrl: `http://127.0.0.1:${port}/v1` } },
			);

			expect(Date.now() - startedAt).toBeLessThan(500);
			expect(requestCount).toBe(1);
			// The HTTP date drops milliseconds, so the delay read from it is up to 1 s short of an hour.
			const waitSeconds = Number(
				/^Automa.Net rate-limited the request and requested a wait of (\d+) seconds$/.exec(
					result.error?.message ?? '',
				)?.[1],
			);
			expect(waitSeconds).toBeGreaterThanOrEqual(3599);
			expect(waitSeconds).toBeLessThanOrEqual(3600);
		} finally {
			await new Promise<void>((resolve) => rateLimiter.close(() => resolve()));
		}
	});

	test('429 beyond the bound fails', async () => {
		sim.faults.failNext(MAX_RETRIES + 1, 429, { retryAfterSeconds: 0 });

		const result = await probe({ method: 'GET', path: PATH.me });

		expect(result.error?.message).toBe('Automa.Net rate-limited the request on each of 4 attempts');
		expect(requestsTo('GET', PATH.me)).toHaveLength(MAX_RETRIES + 1);
	});

	test('5xx on GET is retried', async () => {
		sim.faults.failNext(2, 503);

		const result = await probe({ method: 'GET', path: PATH.me });

		expect(result.error).toBeUndefined();
		expect(requestsTo('GET', PATH.me).map((request) => request.status)).toEqual([503, 503, 200]);
	});

	test('5xx on GET fails after the last retry', async () => {
		sim.faults.failNext(MAX_RETRIES + 1, 502);

		const result = await probe({ method: 'GET', path: PATH.me });

		expect(result.error?.message).toBe('Automa.Net failed with server error 502 after 4 attempts');
		expect(requestsTo('GET', PATH.me)).toHaveLength(4);
	});

	test('5xx on keyed POST is retried', async () => {
		sim.faults.failNext(2, 500);

		const result = await probe({
			method: 'POST',
			path: PATH.quotes,
			body: JSON.stringify(quoteInput),
			idempotencyOperation: 'quote.create',
		});

		expect(result.error).toBeUndefined();
		const posts = requestsTo('POST', PATH.quotes);
		expect(posts.map((request) => request.status)).toEqual([500, 500, 201]);
		expect(new Set(posts.map((request) => request.idempotencyKey)).size).toBe(1);
		expect(posts[0].idempotencyKey).toBe(result.items[0].json.idempotencyKey);
		expect(sim.state().quotes).toHaveLength(1);
		const retryLines = result.logger.lines('warn').filter((line) => line.includes('POST /quotes'));
		expect(retryLines.length).toBeGreaterThanOrEqual(2);
		for (const line of retryLines) expect(line).not.toContain(String(posts[0].idempotencyKey));
	});

	test('5xx on unkeyed POST is not retried', async () => {
		sim.faults.failNext(1, 500);

		const result = await probe({
			method: 'POST',
			path: PATH.quotes,
			body: JSON.stringify(quoteInput),
		});

		expect(result.error?.message).toBe('Automa.Net failed with server error 500 after 1 attempt');
		expect(result.error?.description).toContain('has no idempotency key');
		expect(requestsTo('POST', PATH.quotes)).toHaveLength(1);
	});

	test('network error on GET is retried', async () => {
		const closedPort = sim.port;
		await sim.stop();
		try {
			const result = await probe(
				{ method: 'GET', path: PATH.me },
				{ credentials: { apiKey: 'sim_test_key', baseUrl: `http://127.0.0.1:${closedPort}/v1` } },
			);

			expect(result.error?.message).toBe(
				`Could not reach Automa.Net at http://127.0.0.1:${closedPort}/v1 (ECONNREFUSED) after 4 attempts`,
			);
			const retryLines = result.logger
				.lines('warn')
				.filter((line) => line.includes('network error ECONNREFUSED'));
			expect(retryLines.length).toBeGreaterThanOrEqual(MAX_RETRIES);
		} finally {
			sim = await startSimulator({ seed: false });
		}
	});
});

describe('automaNetApiRequest errors', () => {
	test('401 names the credential', async () => {
		const result = await probe(
			{ method: 'GET', path: PATH.me },
			{ credentials: { apiKey: 'wrong_key_123', baseUrl: sim.url } },
		);

		expect(result.error?.message).toBe('The Automa.Net API key was rejected');
		expect(result.error?.description).toContain('Check the API key and the base URL');
		expect(JSON.stringify(result.error)).not.toContain('wrong_key_123');
		expect(requestsTo('GET', PATH.me)).toHaveLength(1);
	});

	test('403 names the object', async () => {
		// The simulator has one account, so a 403 only comes from an injected fault.
		sim.faults.failNext(1, 403);

		const result = await probe({
			method: 'GET',
			path: PATH.quote('qt_foreign'),
			objectLabel: 'quote "qt_foreign"',
		});

		expect(result.error?.message).toBe(
			'The Automa.Net API key is not allowed to access quote "qt_foreign"',
		);
		expect(result.error?.description).toContain('supplier account of this API key');
	});

	test('404 names the object', async () => {
		const result = await probe({
			method: 'GET',
			path: PATH.quote('qt_missing'),
			objectLabel: 'quote "qt_missing"',
		});

		expect(result.error?.message).toBe('Quote "qt_missing" was not found in Automa.Net');
		expect(result.error?.description).toContain('Check the ID');
	});

	test('409 invalid_state gives the rule', async () => {
		const quoteId = await createQuote();
		const firstSend = await probe({ method: 'POST', path: PATH.quoteSend(quoteId) });
		expect(firstSend.error).toBeUndefined();
		sim.buyer.declineQuote(quoteId, 'Too expensive');

		const send = await probe({
			method: 'POST',
			path: PATH.quoteSend(quoteId),
			objectLabel: `quote "${quoteId}"`,
		});

		expect(sim.state().requests.at(-1)?.status).toBe(409);
		expect(send.error?.message).toMatch(
			new RegExp(`^Automa.Net rejected the action on quote "${quoteId}": .*declined`),
		);
		expect(send.error?.description).toContain(
			'A quote can be sent only while its status is draft, or sent again while it is sent.',
		);
	});

	test('409 idempotency_key_reused', async () => {
		const executionId = 'execution-reused-key';
		const first = await probe(
			{
				method: 'POST',
				path: PATH.quotes,
				body: JSON.stringify(quoteInput),
				idempotencyOperation: 'quote.create',
			},
			{ executionId },
		);
		const changed = { ...quoteInput, currency: 'USD' };
		const second = await probe(
			{
				method: 'POST',
				path: PATH.quotes,
				body: JSON.stringify(changed),
				idempotencyOperation: 'quote.create',
			},
			{ executionId },
		);

		expect(first.error).toBeUndefined();
		expect(second.error?.message).toBe(
			'Automa.Net rejected the request because its idempotency key was already used with a different body',
		);
		expect(second.error?.description).toContain('Run the workflow again');
	});

	test('422 lists every invalid field', async () => {
		const invalid = {
			buyer: { companyName: 'Nordwerk GmbH' },
			currency: 'euro',
			validUntil: '2099-01-31',
			items: [{ partNumber: 'X1', brand: 'Siemens', quantity: 0, unitPrice: -5 }],
		};

		const result = await probe({
			method: 'POST',
			path: PATH.quotes,
			body: JSON.stringify(invalid),
		});

		const message = result.error?.message ?? '';
		expect(message).toMatch(/^Automa.Net rejected invalid fields: /);
		expect(message).toContain('currency must be a three-letter ISO 4217 code such as EUR');
		expect(message).toContain('items[0].quantity');
		expect(message).toContain('items[0].unitPrice');
	});
});

describe('idempotencyKeyFor', () => {
	test('same key across Retry On Fail', async () => {
		// Four 500s use up the transport's attempts, so n8n's Retry On Fail runs the node again.
		sim.faults.failNext(MAX_RETRIES + 1, 500);

		const result = await probe(
			{
				method: 'POST',
				path: PATH.quotes,
				body: JSON.stringify(quoteInput),
				idempotencyOperation: 'quote.create',
			},
			{ settings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 } },
		);

		expect(result.error).toBeUndefined();
		const posts = requestsTo('POST', PATH.quotes);
		expect(posts.map((request) => request.status)).toEqual([500, 500, 500, 500, 201]);
		expect(new Set(posts.map((request) => request.idempotencyKey)).size).toBe(1);
		expect(sim.state().quotes).toHaveLength(1);
	});

	test('new key per execution', async () => {
		const parameters = {
			method: 'POST',
			path: PATH.quotes,
			body: JSON.stringify(quoteInput),
			idempotencyOperation: 'quote.create',
		};

		const first = await probe(parameters);
		const second = await probe(parameters);

		expect(first.executionId).not.toBe(second.executionId);
		expect(first.items[0].json.idempotencyKey).not.toBe(second.items[0].json.idempotencyKey);
		expect(sim.state().quotes).toHaveLength(2);
	});

	test('new key per run index', async () => {
		const result = await probe(
			{
				method: 'POST',
				path: PATH.quotes,
				body: JSON.stringify(quoteInput),
				idempotencyOperation: 'quote.create',
			},
			{ runs: [[{ run: 0 }], [{ run: 1 }]] },
		);

		const keys = result.tasks.map((task) => task.data?.main[0]?.[0].json.idempotencyKey);
		expect(keys).toHaveLength(2);
		expect(keys[0]).toEqual(expect.any(String));
		expect(keys[0]).not.toBe(keys[1]);
		expect(sim.state().quotes).toHaveLength(2);
	});

	test('new key per item', async () => {
		const result = await probe(
			{
				method: 'POST',
				path: PATH.quotes,
				body: JSON.stringify(quoteInput),
				idempotencyOperation: 'quote.create',
			},
			{ inputItems: [{ row: 1 }, { row: 2 }] },
		);

		const keys = result.items.map((item) => item.json.idempotencyKey);
		expect(keys).toHaveLength(2);
		expect(keys[0]).not.toBe(keys[1]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});
