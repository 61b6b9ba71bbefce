import { ERROR_CODE, HEADER, PATH } from '../../nodes/shared/transport/wire';
import { startSimulator, type Simulator } from '../../simulator';
import { createApiClient } from './apiClient';
import { quoteInput } from './quoteInput';

describe('simulator idempotency', () => {
	let simulator: Simulator;

	beforeAll(async () => {
		simulator = await startSimulator();
	});

	afterAll(async () => {
		await simulator.stop();
	});

	beforeEach(() => simulator.reset());

	function withKey(key: string) {
		return { headers: { [HEADER.idempotencyKey]: key } };
	}

	test('replay returns the first response', async () => {
		const client = createApiClient(simulator);
		const first = await client.post(PATH.quotes, quoteInput(), withKey('create-1'));
		const second = await client.post(PATH.quotes, quoteInput(), withKey('create-1'));

		expect(first.status).toBe(201);
		expect(second.status).toBe(201);
		expect(second.data).toEqual(first.data);
		expect(first.headers[HEADER.idempotentReplayed]).toBeUndefined();
		expect(second.headers[HEADER.idempotentReplayed]).toBe('true');
		expect(simulator.state().quotes).toHaveLength(1);
	});

	test('replay ignores key order', async () => {
		const client = createApiClient(simulator);
		const body = quoteInput();
		const reordered = Object.fromEntries(Object.entries(body).reverse());
		await client.post(PATH.quotes, body, withKey('create-2'));
		const second = await client.post(PATH.quotes, reordered, withKey('create-2'));
		expect(second.status).toBe(201);
		expect(simulator.state().quotes).toHaveLength(1);
	});

	test('replay emits no second event', async () => {
		const client = createApiClient(simulator);
		const quote = (await client.post(PATH.quotes, quoteInput())).data;
		await client.post(PATH.quoteSend(quote.id));
		const { order } = simulator.buyer.acceptQuote(quote.id, { paymentMethod: 'bank_transfer' });
		const first = await client.post(PATH.orderAccept(order.id), {}, withKey('accept-1'));
		const second = await client.post(PATH.orderAccept(order.id), {}, withKey('accept-1'));
		const created = simulator.state().events.filter((event) => event.type === 'payment.created');

		expect(second.status).toBe(200);
		expect(second.data).toEqual(first.data);
		expect(created).toHaveLength(1);
		expect(simulator.state().payments).toHaveLength(1);
	});

	test('key reused with another body', async () => {
		const client = createApiClient(simulator);
		await client.post(PATH.quotes, quoteInput(), withKey('create-3'));
		const response = await client.post(
			PATH.quotes,
			quoteInput({ notes: 'changed' }),
			withKey('create-3'),
		);

		expect(response.status).toBe(409);
		expect(response.data.error.code).toBe(ERROR_CODE.idempotencyKeyReused);
		expect(simulator.state().quotes).toHaveLength(1);
	});

	test('key reused on another path', async () => {
		const client = createApiClient(simulator);
		const quote = (await client.post(PATH.quotes, quoteInput(), withKey('shared'))).data;
		const response = await client.post(PATH.quoteSend(quote.id), {}, withKey('shared'));
		expect(response.status).toBe(409);
		expect(response.data.error.code).toBe(ERROR_CODE.idempotencyKeyReused);
	});

	test('different keys create twice', async () => {
		const client = createApiClient(simulator);
		await client.post(PATH.quotes, quoteInput(), withKey('a'));
		await client.post(PATH.quotes, quoteInput(), withKey('b'));
		expect(simulator.state().quotes).toHaveLength(2);
	});

	test('retry after a fault creates once', async () => {
		const client = createApiClient(simulator);
		simulator.faults.failNext(1, 502);
		const failed = await client.post(PATH.quotes, quoteInput(), withKey('retry-1'));
		const retried = await client.post(PATH.quotes, quoteInput(), withKey('retry-1'));
		const replayed = await client.post(PATH.quotes, quoteInput(), withKey('retry-1'));

		expect(failed.status).toBe(502);
		expect(retried.status).toBe(201);
		expect(replayed.data.id).toBe(retried.data.id);
		expect(simulator.state().quotes).toHaveLength(1);
	});

	test('replay after a lost response', async () => {
		const client = createApiClient(simulator);
		simulator.faults.failNext(1, 504, { afterProcessing: true });
		const lost = await client.post(PATH.quotes, quoteInput(), withKey('lost-1'));
		const retried = await client.post(PATH.quotes, quoteInput(), withKey('lost-1'));
		const [stored] = simulator.state().quotes;

		expect(lost.status).toBe(504);
		expect(retried.status).toBe(201);
		expect(retried.headers[HEADER.idempotentReplayed]).toBe('true');
		expect(retried.data.id).toBe(stored.id);
		expect(simulator.state().quotes).toHaveLength(1);
	});

	test('failed validation is not stored', async () => {
		const client = createApiClient(simulator);
		const invalid = await client.post(PATH.quotes, {}, withKey('fix-1'));
		const fixed = await client.post(PATH.quotes, {}, withKey('fix-1'));
		expect(invalid.status).toBe(422);
		expect(fixed.status).toBe(422);
		expect(simulator.state().quotes).toHaveLength(0);
	});

	test('key longer than 255 rejected', async () => {
		const response = await createApiClient(simulator).post(
			PATH.quotes,
			quoteInput(),
			withKey('k'.repeat(256)),
		);
		expect(response.status).toBe(400);
		expect(response.data.error.code).toBe(ERROR_CODE.badRequest);
	});

	test('replay expires after 24 hours', async () => {
		let nowMs = Date.parse('2026-12-01T10:00:00.000Z');
		const clocked = await startSimulator({ seed: true, now: () => new Date(nowMs) });
		try {
			const client = createApiClient(clocked);
			await client.post(PATH.quotes, quoteInput(), withKey('day-1'));
			nowMs += 24 * 60 * 60 * 1000 - 1;
			await client.post(PATH.quotes, quoteInput(), withKey('day-1'));
			expect(clocked.state().quotes).toHaveLength(1);
			nowMs += 2;
			await client.post(PATH.quotes, quoteInput(), withKey('day-1'));
			expect(clocked.state().quotes).toHaveLength(2);
		} finally {
			await clocked.stop();
		}
	});
});
