import axios from 'axios';

import { ERROR_CODE, HEADER, PATH } from '../../nodes/shared/transport/wire';
import { startSimulator, type Simulator } from '../../simulator';
import { createApiClient } from './apiClient';
import { quoteInput } from './quoteInput';

describe('simulator errors', () => {
	let simulator: Simulator;

	beforeAll(async () => {
		simulator = await startSimulator();
	});

	afterAll(async () => {
		await simulator.stop();
	});

	beforeEach(() => simulator.reset());

	test('401 without Authorization', async () => {
		const response = await axios.get(`${simulator.url}${PATH.me}`, { validateStatus: () => true });
		expect(response.status).toBe(401);
		expect(response.data.error.code).toBe(ERROR_CODE.unauthorized);
	});

	test('401 with a wrong key', async () => {
		const response = await createApiClient(simulator, 'wrong_key').get(PATH.me);
		expect(response.status).toBe(401);
		expect(response.data).toEqual({
			error: { code: ERROR_CODE.unauthorized, message: 'the API key is not valid' },
		});
		expect(JSON.stringify(response.data)).not.toContain('wrong_key');
	});

	test('GET /me with the key', async () => {
		const response = await createApiClient(simulator).get(PATH.me);
		expect(response.status).toBe(200);
		expect(Object.keys(response.data).sort()).toEqual(['companyName', 'email', 'id']);
	});

	test('404 names the object', async () => {
		const response = await createApiClient(simulator).get(PATH.quote('qt_123'));
		expect(response.status).toBe(404);
		expect(response.data).toEqual({
			error: { code: ERROR_CODE.notFound, message: 'quote qt_123 was not found' },
		});
	});

	test('404 for an unknown route', async () => {
		const response = await createApiClient(simulator).get('/invoices');
		expect(response.status).toBe(404);
		expect(response.data.error.code).toBe(ERROR_CODE.notFound);
	});

	test('400 for malformed JSON', async () => {
		const response = await createApiClient(simulator).post(PATH.quotes, '{"currency": ', {
			headers: { 'Content-Type': 'application/json' },
		});
		expect(response.status).toBe(400);
		expect(response.data.error.code).toBe(ERROR_CODE.badRequest);
	});

	test('400 for a JSON array body', async () => {
		const response = await createApiClient(simulator).post(PATH.quotes, [1, 2]);
		expect(response.status).toBe(400);
		expect(response.data.error.code).toBe(ERROR_CODE.badRequest);
	});

	test('400 for a malformed query', async () => {
		const response = await createApiClient(simulator).get(PATH.quotes, {
			params: { page: 'first', createdFrom: 'yesterday', sort: 'number' },
		});
		expect(response.status).toBe(400);
		expect(response.data.error.code).toBe(ERROR_CODE.badRequest);
		const fields = response.data.error.details.map((detail: { field: string }) => detail.field);
		expect(fields).toEqual(['page', 'createdFrom', 'sort']);
	});

	test('422 lists each invalid field', async () => {
		const body = quoteInput();
		const items = body.items as Array<Record<string, unknown>>;
		items[0].unitPrice = -1;
		items[1].quantity = 1.5;
		items[1].colour = 'blue';
		body.currency = 'euro';
		const response = await createApiClient(simulator).post(PATH.quotes, body);

		expect(response.status).toBe(422);
		expect(response.data.error.code).toBe(ERROR_CODE.validationFailed);
		expect(response.data.error.details).toEqual([
			{ field: 'currency', message: 'must be a three-letter ISO 4217 code such as EUR' },
			{ field: 'items[0].unitPrice', message: 'must be >= 0' },
			{ field: 'items[1].quantity', message: 'must be an integer' },
			{ field: 'items[1].colour', message: 'is not a known field' },
		]);
		expect(simulator.state().quotes).toHaveLength(0);
	});

	test('422 for missing required fields', async () => {
		const response = await createApiClient(simulator).post(PATH.quotes, {});
		expect(response.status).toBe(422);
		expect(response.data.error.details).toEqual([
			{ field: 'currency', message: 'is required' },
			{ field: 'validUntil', message: 'is required' },
			{ field: 'items', message: 'is required' },
		]);
	});

	test('422 when neither rfqId nor buyer', async () => {
		const response = await createApiClient(simulator).post(
			PATH.quotes,
			quoteInput({
				rfqId: undefined,
				items: [{ partNumber: 'A', brand: 'B', quantity: 1, unitPrice: 1 }],
			}),
		);
		expect(response.status).toBe(422);
		expect(response.data.error.details).toEqual([
			{ field: 'buyer', message: 'is required when rfqId is not given' },
		]);
	});

	test('422 for an unknown rfqId', async () => {
		const response = await createApiClient(simulator).post(
			PATH.quotes,
			quoteInput({
				rfqId: 'rfq_missing',
				items: [{ partNumber: 'A', brand: 'B', quantity: 1, unitPrice: 1 }],
			}),
		);
		expect(response.status).toBe(422);
		expect(response.data.error.details).toEqual([
			{ field: 'rfqId', message: 'rfq rfq_missing was not found' },
		]);
	});

	test('429 carries Retry-After', async () => {
		simulator.faults.failNext(1, 429, { retryAfterSeconds: 7 });
		const client = createApiClient(simulator);
		const limited = await client.get(PATH.me);
		const next = await client.get(PATH.me);

		expect(limited.status).toBe(429);
		expect(limited.headers[HEADER.retryAfter]).toBe('7');
		expect(limited.data.error.code).toBe(ERROR_CODE.rateLimited);
		expect(next.status).toBe(200);
	});

	test('5xx for the next calls', async () => {
		simulator.faults.failNext(2, 503);
		const client = createApiClient(simulator);
		const statuses = [];
		for (let call = 0; call < 3; call++) statuses.push((await client.get(PATH.me)).status);
		expect(statuses).toEqual([503, 503, 200]);
		const failed = simulator.state().requests[0];
		expect(failed.status).toBe(503);
	});

	test('5xx body uses server_error', async () => {
		simulator.faults.failNext(1, 500);
		const response = await createApiClient(simulator).get(PATH.me);
		expect(response.data.error.code).toBe(ERROR_CODE.serverError);
	});

	test('delayNext holds the call', async () => {
		simulator.faults.delayNext(1, 150);
		const client = createApiClient(simulator);
		const startedMs = Date.now();
		const response = await client.get(PATH.me);
		const delayedMs = Date.now() - startedMs;
		expect(response.status).toBe(200);
		expect(delayedMs).toBeGreaterThanOrEqual(140);
	});

	test('requests are recorded without secrets', async () => {
		await createApiClient(simulator).post(PATH.quotes, quoteInput(), {
			headers: { [HEADER.idempotencyKey]: 'key-1' },
		});
		const [request] = simulator.state().requests;
		expect(request.method).toBe('POST');
		expect(request.path).toBe(PATH.quotes);
		expect(request.idempotencyKey).toBe('key-1');
		expect(request.status).toBe(201);
		expect(request.body).toEqual(quoteInput());
		expect(JSON.stringify(simulator.state().requests)).not.toContain(simulator.apiKey);
	});

	test('log lines hide the key', async () => {
		const lines: string[] = [];
		const logged = await startSimulator({
			log: (line) => lines.push(line),
			apiKey: 'sim_secret_key',
		});
		try {
			await createApiClient(logged).get(PATH.rfqs('received'), { params: { perPage: 2 } });
		} finally {
			await logged.stop();
		}
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(/^GET \/v1\/rfqs\/received 200 \d+ms$/);
		expect(lines.join('\n')).not.toContain('sim_secret_key');
	});
});
