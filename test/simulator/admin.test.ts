import { PATH } from '../../nodes/shared/transport/wire';
import fixtures from '../../simulator/fixtures/rfqs.json';
import { startSimulator, type Simulator } from '../../simulator';
import { createAdminClient, createApiClient } from './apiClient';
import { quoteInput } from './quoteInput';

describe('simulator admin routes', () => {
	let simulator: Simulator;

	beforeAll(async () => {
		simulator = await startSimulator();
	});

	afterAll(async () => {
		await simulator.stop();
	});

	beforeEach(() => simulator.reset());

	async function sentQuoteId(): Promise<string> {
		const client = createApiClient(simulator);
		const quote = (await client.post(PATH.quotes, quoteInput())).data;
		await client.post(PATH.quoteSend(quote.id));
		return quote.id;
	}

	test('post an RFQ', async () => {
		const response = await createAdminClient(simulator).post('/rfqs', {
			items: [{ partNumber: '3RT2026-1BB40', brand: 'Siemens', quantity: 4 }],
		});
		expect(response.status).toBe(201);
		expect(response.data.id).toMatch(/^rfq_/);
		expect(response.data.number).toMatch(/^RFQ-\d{4}-00046$/);
		expect(response.data.items[0].partNumber).toBe('3RT2026-1BB40');
		expect(simulator.state().events.map((event) => event.type)).toEqual(['rfq.received']);
	});

	test('RFQ draft is validated', async () => {
		const response = await createAdminClient(simulator).post('/rfqs', {
			currency: 'eur',
			items: [{ partNumber: 'A', quantity: 0 }],
		});
		expect(response.status).toBe(422);
		expect(response.data.error.details).toEqual([
			{ field: 'currency', message: 'must be a three-letter ISO 4217 code such as EUR' },
			{ field: 'items[0].quantity', message: 'must be >= 1' },
		]);
	});

	test('fixture RFQ gets a new id', async () => {
		const [fixture] = fixtures;
		const response = await createAdminClient(simulator).post('/rfqs', fixture);
		expect(response.status).toBe(201);
		expect(response.data.id).not.toBe(fixture.id);
		expect(response.data.number).not.toBe(fixture.number);
		expect(response.data.items).toEqual(fixture.items);
		expect(Date.parse(response.data.createdAt)).toBeGreaterThan(Date.parse(fixture.createdAt));
	});

	test('open, accept and pay', async () => {
		const quoteId = await sentQuoteId();
		const admin = createAdminClient(simulator);
		const opened = await admin.post(`/quotes/${quoteId}/open`, { channel: 'email' });
		const accepted = await admin.post(`/quotes/${quoteId}/accept`, { paymentMethod: 'stripe' });
		const paid = await admin.post(`/payments/${accepted.data.payment.id}/status`, {
			status: 'paid',
		});

		expect(opened.status).toBe(200);
		expect(opened.data.tracking.openCount).toBe(1);
		expect(accepted.status).toBe(200);
		expect(accepted.data.quote.status).toBe('accepted');
		expect(accepted.data.order.status).toBe('received');
		expect(paid.status).toBe(200);
		expect(paid.data.status).toBe('paid');
	});

	test('accept defaults to bank transfer', async () => {
		const quoteId = await sentQuoteId();
		const accepted = await createAdminClient(simulator).post(`/quotes/${quoteId}/accept`);
		expect(accepted.data.order.paymentMethod).toBe('bank_transfer');
		expect(accepted.data.payment).toBeNull();
	});

	test('decline and expire', async () => {
		const admin = createAdminClient(simulator);
		const declinedId = await sentQuoteId();
		const expiredId = await sentQuoteId();
		const declined = await admin.post(`/quotes/${declinedId}/decline`, { reason: 'Too late' });
		const expired = await admin.post(`/quotes/${expiredId}/expire`);
		const again = await admin.post(`/quotes/${expiredId}/expire`);

		expect(declined.data.declineReason).toBe('Too late');
		expect(expired.data.status).toBe('expired');
		expect(again.status).toBe(409);
		expect(again.data.error.code).toBe('invalid_state');
	});

	test('unknown quote is 404', async () => {
		const response = await createAdminClient(simulator).post('/quotes/qt_none/open');
		expect(response.status).toBe(404);
		expect(response.data.error.message).toBe('quote qt_none was not found');
	});

	test('faults apply to the API only', async () => {
		const admin = createAdminClient(simulator);
		const set = await admin.post('/faults', {
			failNext: { count: 1, status: 429, retryAfterSeconds: 3 },
		});
		const state = await admin.get('/state');
		const limited = await createApiClient(simulator).get(PATH.me);

		expect(set.status).toBe(204);
		expect(state.status).toBe(200);
		expect(limited.status).toBe(429);
		expect(limited.headers['retry-after']).toBe('3');
	});

	test('faults body is validated', async () => {
		const response = await createAdminClient(simulator).post('/faults', {
			failNext: { count: 1, status: 200 },
		});
		expect(response.status).toBe(422);
		expect(response.data.error.details).toEqual([
			{ field: 'failNext.status', message: 'must be >= 400' },
		]);
	});

	test('state lists everything', async () => {
		await sentQuoteId();
		const state = (await createAdminClient(simulator).get('/state')).data;
		expect(Object.keys(state).sort()).toEqual([
			'deliveries',
			'events',
			'orders',
			'payments',
			'quotes',
			'requests',
			'rfqs',
			'webhooks',
		]);
		expect(state.rfqs).toHaveLength(5);
		expect(state.quotes).toHaveLength(1);
		expect(state.requests.map((request: { path: string }) => request.path)).toEqual([
			PATH.quotes,
			PATH.quoteSend(state.quotes[0].id),
		]);
	});

	test('seed creates bulk records', async () => {
		const response = await createAdminClient(simulator).post('/seed', {
			kind: 'payments',
			count: 3,
		});
		expect(response.status).toBe(201);
		expect(response.data).toHaveLength(3);
		expect(simulator.state().payments).toHaveLength(3);
	});

	test('reset restores the fixtures', async () => {
		await sentQuoteId();
		const response = await createAdminClient(simulator).post('/reset');
		const state = simulator.state();
		expect(response.status).toBe(204);
		expect(state.quotes).toHaveLength(0);
		expect(state.requests).toHaveLength(0);
		expect(state.rfqs.map((rfq) => rfq.status)).toEqual([
			'open',
			'open',
			'quoted',
			'open',
			'expired',
		]);
	});
});
