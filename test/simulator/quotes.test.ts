import { ERROR_CODE, PATH } from '../../nodes/shared/transport/wire';
import { startSimulator, type Simulator } from '../../simulator';
import { createApiClient } from './apiClient';
import { quoteInput } from './quoteInput';

describe('simulator quotes', () => {
	let simulator: Simulator;

	beforeAll(async () => {
		simulator = await startSimulator();
	});

	afterAll(async () => {
		await simulator.stop();
	});

	beforeEach(() => simulator.reset());

	async function createQuote(body = quoteInput()): Promise<Record<string, any>> {
		const response = await createApiClient(simulator).post(PATH.quotes, body);
		expect(response.status).toBe(201);
		return response.data;
	}

	test('create computes totals', async () => {
		const quote = await createQuote();
		expect(quote.id).toMatch(/^qt_[0-9A-Za-z]{12}$/);
		expect(quote.number).toMatch(/^QT-\d{4}-00001$/);
		expect(quote.status).toBe('draft');
		expect(quote.subtotal).toBe(771);
		expect(quote.total).toBe(796);
		expect(quote.createdAt).toBe(quote.updatedAt);
		expect(quote.sentAt).toBeNull();
	});

	test('create rounds totals to cents', async () => {
		const quote = await createQuote(
			quoteInput({
				items: [{ partNumber: 'A', brand: 'B', quantity: 3, unitPrice: 0.1 }],
				shippingCost: 0.2,
			}),
		);
		expect(quote.subtotal).toBe(0.3);
		expect(quote.total).toBe(0.5);
	});

	test('create copies the RFQ buyer', async () => {
		const quote = await createQuote();
		expect(quote.buyer).toEqual({
			companyName: 'Noordveld Packaging B.V.',
			email: 'purchasing@noordveld.example',
		});
	});

	test('create keeps a date-time validUntil as date', async () => {
		const quote = await createQuote(quoteInput({ validUntil: '2099-01-15T00:00:00.000Z' }));
		expect(quote.validUntil).toBe('2099-01-15');
	});

	test('create rejects a foreign rfqItemId', async () => {
		const response = await createApiClient(simulator).post(
			PATH.quotes,
			quoteInput({
				items: [{ rfqItemId: 'rfi_03', partNumber: 'A', brand: 'B', quantity: 1, unitPrice: 1 }],
			}),
		);
		expect(response.status).toBe(422);
		expect(response.data.error.details).toEqual([
			{ field: 'items[0].rfqItemId', message: 'is not an item of rfq rfq_7Hc2kQ1' },
		]);
	});

	test('put replaces a draft', async () => {
		const quote = await createQuote();
		const response = await createApiClient(simulator).put(
			PATH.quote(quote.id),
			quoteInput({
				items: [{ partNumber: 'A', brand: 'B', quantity: 4, unitPrice: 10 }],
				shippingCost: 0,
			}),
		);
		expect(response.status).toBe(200);
		expect(response.data.id).toBe(quote.id);
		expect(response.data.number).toBe(quote.number);
		expect(response.data.items).toHaveLength(1);
		expect(response.data.total).toBe(40);
		expect(Date.parse(response.data.updatedAt)).toBeGreaterThan(Date.parse(quote.updatedAt));
	});

	test('put allowed when sent', async () => {
		const quote = await createQuote();
		const client = createApiClient(simulator);
		await client.post(PATH.quoteSend(quote.id));
		const response = await client.put(PATH.quote(quote.id), quoteInput({ notes: 'revised' }));
		expect(response.status).toBe(200);
		expect(response.data.status).toBe('sent');
		expect(response.data.notes).toBe('revised');
	});

	test('put refused when accepted', async () => {
		const quote = await createQuote();
		const client = createApiClient(simulator);
		await client.post(PATH.quoteSend(quote.id));
		simulator.buyer.acceptQuote(quote.id, { paymentMethod: 'bank_transfer' });
		const response = await client.put(PATH.quote(quote.id), quoteInput());
		expect(response.status).toBe(409);
		expect(response.data.error).toEqual({
			code: ERROR_CODE.invalidState,
			message: `quote ${quote.id} is accepted; only draft or sent quotes can be replaced`,
		});
	});

	test('put of a missing quote is 404', async () => {
		const response = await createApiClient(simulator).put(PATH.quote('qt_missing'), quoteInput());
		expect(response.status).toBe(404);
	});

	test('send marks quote and RFQ', async () => {
		const quote = await createQuote();
		const client = createApiClient(simulator);
		const response = await client.post(PATH.quoteSend(quote.id), {
			message: 'Please find our offer',
			ccEmails: ['sales@example.example'],
		});
		const rfq = (await client.get(PATH.rfq('rfq_7Hc2kQ1'))).data;

		expect(response.status).toBe(200);
		expect(response.data.status).toBe('sent');
		expect(response.data.sentAt).toBe(response.data.updatedAt);
		expect(rfq.status).toBe('quoted');
		expect(rfq.updatedAt).toBe(response.data.sentAt);
	});

	test('send again is allowed', async () => {
		const quote = await createQuote();
		const client = createApiClient(simulator);
		const first = await client.post(PATH.quoteSend(quote.id));
		const second = await client.post(PATH.quoteSend(quote.id));
		expect(second.status).toBe(200);
		expect(Date.parse(second.data.sentAt)).toBeGreaterThan(Date.parse(first.data.sentAt));
	});

	test('send refused when declined', async () => {
		const quote = await createQuote();
		const client = createApiClient(simulator);
		await client.post(PATH.quoteSend(quote.id));
		simulator.buyer.declineQuote(quote.id, 'Too expensive');
		const response = await client.post(PATH.quoteSend(quote.id));
		expect(response.status).toBe(409);
		expect(response.data.error.message).toBe(
			`quote ${quote.id} is declined; only draft or sent quotes can be sent`,
		);
	});

	test('send rejects unknown fields', async () => {
		const quote = await createQuote();
		const response = await createApiClient(simulator).post(PATH.quoteSend(quote.id), { cc: 'x' });
		expect(response.status).toBe(422);
		expect(response.data.error.details).toEqual([{ field: 'cc', message: 'is not a known field' }]);
	});

	test('buyer actions need a sent quote', async () => {
		const quote = await createQuote();
		expect(() => simulator.buyer.acceptQuote(quote.id)).toThrow(
			`quote ${quote.id} is draft; only sent quotes can be accepted`,
		);
		expect(() => simulator.buyer.declineQuote(quote.id, 'no')).toThrow('only sent quotes');
		expect(() => simulator.buyer.expireQuote(quote.id)).toThrow('only sent quotes');
		expect(() => simulator.buyer.openQuote(quote.id)).toThrow('only quotes that were sent');
	});

	test('decline stores the reason', async () => {
		const quote = await createQuote();
		await createApiClient(simulator).post(PATH.quoteSend(quote.id));
		const declined = simulator.buyer.declineQuote(quote.id, 'Lead time too long');
		expect(declined.status).toBe('declined');
		expect(declined.declineReason).toBe('Lead time too long');
	});

	test('expire ends a sent quote', async () => {
		const quote = await createQuote();
		await createApiClient(simulator).post(PATH.quoteSend(quote.id));
		expect(simulator.buyer.expireQuote(quote.id).status).toBe('expired');
		expect(() => simulator.buyer.acceptQuote(quote.id)).toThrow('is expired');
	});

	test('tracking counts opens', async () => {
		const quote = await createQuote();
		const client = createApiClient(simulator);
		await client.post(PATH.quoteSend(quote.id));
		const before = (await client.get(PATH.quoteTracking(quote.id))).data;
		simulator.buyer.openQuote(quote.id, 'email');
		simulator.buyer.openQuote(quote.id);
		const after = (await client.get(PATH.quoteTracking(quote.id))).data;
		const fetched = (await client.get(PATH.quote(quote.id))).data;

		expect(before).toEqual({
			quoteId: quote.id,
			opened: false,
			openCount: 0,
			firstOpenedAt: null,
			lastOpenedAt: null,
			opens: [],
		});
		expect(after.opened).toBe(true);
		expect(after.openCount).toBe(2);
		expect(after.opens.map((open: { channel: string }) => open.channel)).toEqual([
			'email',
			'portal',
		]);
		expect(after.firstOpenedAt).toBe(after.opens[0].openedAt);
		expect(after.lastOpenedAt).toBe(after.opens[1].openedAt);
		expect(fetched.tracking).toEqual({
			opened: true,
			openCount: 2,
			firstOpenedAt: after.firstOpenedAt,
			lastOpenedAt: after.lastOpenedAt,
		});
	});
});
