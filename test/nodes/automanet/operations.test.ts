import type { IDataObject } from 'n8n-workflow';

import { startSimulator, type Simulator } from '../../../simulator';
import { SIMPLIFIED_FIELDS } from '../../../nodes/shared/transport/wire';
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

const fieldLines = {
	item: [
		{
			partNumber: '6ES7214-1AG40-0XB0',
			brand: 'Siemens',
			quantity: 2,
			unitPrice: 289.5,
			condition: 'new_sealed',
			leadTimeDays: 3,
			warrantyMonths: 12,
			description: 'SIMATIC S7-1200, CPU 1214C',
			rfqItemId: 'rfi_01',
		},
		{
			partNumber: '774310',
			brand: 'Pilz',
			quantity: 1,
			unitPrice: 189,
			condition: 'new',
			leadTimeDays: 0,
			warrantyMonths: 0,
			description: '',
			rfqItemId: '',
		},
	],
};

const createParameters: IDataObject = {
	resource: 'quote',
	operation: 'create',
	currency: 'EUR',
	validUntil: '2099-12-31T00:00:00',
	itemsInputMode: 'fields',
	items: fieldLines,
	additionalFields: {
		rfqId: 'rfq_7Hc2kQ1',
		shippingCost: 25,
		paymentTerms: '100% prepayment',
		incoterms: 'DAP',
		notes: 'Sealed boxes',
		externalReference: 'SO-2026-1187',
	},
};

/** Creates a quote for fixture RFQ rfq_7Hc2kQ1 through the node and returns it. */
async function createQuote(): Promise<IDataObject> {
	const result = await runAutomaNet(sim, createParameters);
	expect(result.error).toBeUndefined();
	return result.items[0].json;
}

describe('rfq operations', () => {
	test('get sends GET /rfqs/:id', async () => {
		const result = await runAutomaNet(sim, {
			resource: 'rfq',
			operation: 'get',
			rfqId: byId('rfq_7Hc2kQ1'),
		});

		expect(result.error).toBeUndefined();
		expect(apiRequests(sim).map((request) => [request.method, request.path])).toEqual([
			['GET', '/rfqs/rfq_7Hc2kQ1'],
		]);
		const [rfq] = outputJson(result);
		expect(rfq.number).toBe('RFQ-2026-00041');
		expect(rfq.message).toContain('Line 3 is down');
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	test('get with simplify keeps listed fields', async () => {
		const result = await runAutomaNet(sim, {
			resource: 'rfq',
			operation: 'get',
			rfqId: byId('rfq_7Hc2kQ1'),
			simplify: true,
		});

		expect(result.error).toBeUndefined();
		expect(Object.keys(result.items[0].json)).toEqual([...SIMPLIFIED_FIELDS.rfq]);
	});

	test('get per input item pairs outputs', async () => {
		const result = await runAutomaNet(
			sim,
			{ resource: 'rfq', operation: 'get', rfqId: byId('={{ $json.rfqId }}') },
			{ inputItems: [{ rfqId: 'rfq_9Lm4pR8' }, { rfqId: 'rfq_7Hc2kQ1' }] },
		);

		expect(result.error).toBeUndefined();
		expect(outputJson(result).map((rfq) => rfq.id)).toEqual(['rfq_9Lm4pR8', 'rfq_7Hc2kQ1']);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('getAll takes a DateTime filter', async () => {
		const result = await runAutomaNet(sim, {
			resource: 'rfq',
			operation: 'getAll',
			direction: 'received',
			returnAll: true,
			filters: { createdAfter: '={{ DateTime.fromISO("2026-11-02T09:00:00Z") }}' },
		});

		expect(result.error).toBeUndefined();
		expect(apiRequests(sim)[0].query.createdFrom).toBe('2026-11-02T09:00:00.000Z');
		expect(outputJson(result).map((rfq) => rfq.id)).toEqual(['rfq_9Lm4pR8', 'rfq_2Qw8zT5']);
	});

	test('getAll sent lists /rfqs/sent', async () => {
		const result = await runAutomaNet(sim, {
			resource: 'rfq',
			operation: 'getAll',
			direction: 'sent',
			returnAll: true,
		});

		expect(result.error).toBeUndefined();
		expect(apiRequests(sim)[0].path).toBe('/rfqs/sent');
		expect(outputJson(result).map((rfq) => rfq.direction)).toEqual(['sent']);
	});

	test('getAll sends filters and sort', async () => {
		const result = await runAutomaNet(sim, {
			resource: 'rfq',
			operation: 'getAll',
			direction: 'received',
			returnAll: false,
			limit: 10,
			filters: {
				status: 'open',
				search: 'Siemens',
				createdAfter: '2026-11-01T00:00:00Z',
				createdBefore: '2026-11-30T23:59:59Z',
			},
			options: { sort: '-createdAt' },
		});

		expect(result.error).toBeUndefined();
		expect(apiRequests(sim)[0].query).toEqual({
			page: '1',
			perPage: '10',
			status: 'open',
			search: 'Siemens',
			createdFrom: '2026-11-01T00:00:00.000Z',
			createdTo: '2026-11-30T23:59:59.000Z',
			sort: '-createdAt',
		});
		expect(outputJson(result).map((rfq) => rfq.id)).toEqual(['rfq_7Hc2kQ1']);
	});
});

describe('quote operations', () => {
	test('create from fields sends the quote body', async () => {
		const result = await runAutomaNet(sim, createParameters);

		expect(result.error).toBeUndefined();
		const [request] = apiRequests(sim);
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/quotes');
		expect(request.status).toBe(201);
		expect(request.idempotencyKey).toMatch(/^n8n-[0-9a-f]{64}$/);
		expect(request.body).toEqual({
			rfqId: 'rfq_7Hc2kQ1',
			currency: 'EUR',
			validUntil: '2099-12-31',
			items: [
				{
					rfqItemId: 'rfi_01',
					partNumber: '6ES7214-1AG40-0XB0',
					brand: 'Siemens',
					quantity: 2,
					unitPrice: 289.5,
					condition: 'new_sealed',
					leadTimeDays: 3,
					warrantyMonths: 12,
					description: 'SIMATIC S7-1200, CPU 1214C',
				},
				{
					partNumber: '774310',
					brand: 'Pilz',
					quantity: 1,
					unitPrice: 189,
					condition: 'new',
					leadTimeDays: 0,
					warrantyMonths: 0,
				},
			],
			shippingCost: 25,
			paymentTerms: '100% prepayment',
			incoterms: 'DAP',
			notes: 'Sealed boxes',
			externalReference: 'SO-2026-1187',
		});
		const [quote] = outputJson(result);
		expect(quote.status).toBe('draft');
		expect(quote.total).toBe(793);
		expect(sim.state().quotes).toHaveLength(1);
	});

	test('create from JSON expression converts lines', async () => {
		const result = await runAutomaNet(
			sim,
			{
				resource: 'quote',
				operation: 'create',
				currency: 'eur',
				validUntil: '2099-01-15',
				itemsInputMode: 'json',
				itemsJson: '={{ $json.lines }}',
				additionalFields: {
					buyerCompanyName: 'Nordwerk GmbH',
					buyerEmail: 'buyer@nordwerk.example',
				},
			},
			{
				inputItems: [
					{
						lines: [
							{ partNumber: 774310, brand: 'Pilz', quantity: '3', unitPrice: '12.50' },
							{
								partNumber: '1756-L71',
								brand: 'Allen-Bradley',
								quantity: 1,
								unitPrice: 2400,
								condition: 'New Sealed',
							},
						],
					},
				],
			},
		);

		expect(result.error).toBeUndefined();
		expect(apiRequests(sim)[0].body).toEqual({
			buyer: { companyName: 'Nordwerk GmbH', email: 'buyer@nordwerk.example' },
			currency: 'EUR',
			validUntil: '2099-01-15',
			items: [
				{ partNumber: '774310', brand: 'Pilz', quantity: 3, unitPrice: 12.5 },
				{
					partNumber: '1756-L71',
					brand: 'Allen-Bradley',
					quantity: 1,
					unitPrice: 2400,
					condition: 'new_sealed',
				},
			],
		});
		expect(outputJson(result)[0].total).toBe(2437.5);
	});

	test('create from date and number expressions', async () => {
		const result = await runAutomaNet(sim, {
			...createParameters,
			validUntil: '={{ DateTime.fromISO("2099-02-01T23:30:00", { zone: "Europe/Warsaw" }) }}',
			additionalFields: { rfqId: 'rfq_7Hc2kQ1', shippingCost: '={{ "12.5" }}' },
		});

		expect(result.error).toBeUndefined();
		const body = apiRequests(sim)[0].body as IDataObject;
		expect(body.validUntil).toBe('2099-02-01');
		expect(body.shippingCost).toBe(12.5);
	});

	test('create from JSON text', async () => {
		const result = await runAutomaNet(sim, {
			...createParameters,
			itemsInputMode: 'json',
			itemsJson: JSON.stringify([{ partNumber: 'X1', brand: 'Omron', quantity: 1, unitPrice: 0 }]),
		});

		expect(result.error).toBeUndefined();
		expect((apiRequests(sim)[0].body as IDataObject).items).toEqual([
			{ partNumber: 'X1', brand: 'Omron', quantity: 1, unitPrice: 0 },
		]);
	});

	test('update sends PUT with the whole quote', async () => {
		const quote = await createQuote();

		const result = await runAutomaNet(sim, {
			...createParameters,
			operation: 'update',
			quoteId: byId(String(quote.id)),
			items: { item: [fieldLines.item[1]] },
			additionalFields: { rfqId: 'rfq_7Hc2kQ1' },
		});

		expect(result.error).toBeUndefined();
		const request = apiRequests(sim)[1];
		expect(request.method).toBe('PUT');
		expect(request.path).toBe(`/quotes/${quote.id}`);
		expect(request.idempotencyKey).toBeNull();
		expect(request.body).toEqual({
			rfqId: 'rfq_7Hc2kQ1',
			currency: 'EUR',
			validUntil: '2099-12-31',
			items: [
				{
					partNumber: '774310',
					brand: 'Pilz',
					quantity: 1,
					unitPrice: 189,
					condition: 'new',
					leadTimeDays: 0,
					warrantyMonths: 0,
				},
			],
		});
		const [updated] = outputJson(result);
		expect(updated.id).toBe(quote.id);
		expect(updated.total).toBe(189);
	});

	test('send posts message and cc list', async () => {
		const quote = await createQuote();

		const result = await runAutomaNet(sim, {
			resource: 'quote',
			operation: 'send',
			quoteId: byId(String(quote.id)),
			additionalFields: {
				message: 'Both parts ship from Kraków this week.',
				ccEmails: 'sales@example.com, manager@example.com',
			},
		});

		expect(result.error).toBeUndefined();
		const request = apiRequests(sim)[1];
		expect(request.method).toBe('POST');
		expect(request.path).toBe(`/quotes/${quote.id}/send`);
		expect(request.idempotencyKey).toMatch(/^n8n-/);
		expect(request.body).toEqual({
			message: 'Both parts ship from Kraków this week.',
			ccEmails: ['sales@example.com', 'manager@example.com'],
		});
		expect(outputJson(result)[0].status).toBe('sent');
	});

	test('send takes cc addresses as an array', async () => {
		const quote = await createQuote();

		const result = await runAutomaNet(
			sim,
			{
				resource: 'quote',
				operation: 'send',
				quoteId: byId(String(quote.id)),
				additionalFields: { ccEmails: '={{ $json.cc }}' },
			},
			{ inputItems: [{ cc: ['sales@example.com', 'manager@example.com'] }] },
		);

		expect(result.error).toBeUndefined();
		expect(apiRequests(sim)[1].body).toEqual({
			ccEmails: ['sales@example.com', 'manager@example.com'],
		});
	});

	test('get and simplify', async () => {
		const quote = await createQuote();

		const full = await runAutomaNet(sim, {
			resource: 'quote',
			operation: 'get',
			quoteId: byId(String(quote.id)),
		});
		const simplified = await runAutomaNet(sim, {
			resource: 'quote',
			operation: 'get',
			quoteId: byId(String(quote.id)),
			simplify: true,
		});

		expect(apiRequests(sim)[1].path).toBe(`/quotes/${quote.id}`);
		expect(outputJson(full)[0]).toEqual(quote);
		expect(Object.keys(outputJson(simplified)[0])).toEqual([...SIMPLIFIED_FIELDS.quote]);
	});

	test('getAll sends status and rfqId', async () => {
		const quote = await createQuote();
		sim.seed.quotes(2);

		const result = await runAutomaNet(sim, {
			resource: 'quote',
			operation: 'getAll',
			returnAll: true,
			filters: { status: 'draft', rfqId: 'rfq_7Hc2kQ1' },
		});

		expect(result.error).toBeUndefined();
		expect(apiRequests(sim)[1].query).toEqual({
			page: '1',
			perPage: '100',
			status: 'draft',
			rfqId: 'rfq_7Hc2kQ1',
		});
		expect(outputJson(result).map((record) => record.id)).toEqual([quote.id]);
	});

	test('getTracking returns opens', async () => {
		const quote = await createQuote();
		await runAutomaNet(sim, {
			resource: 'quote',
			operation: 'send',
			quoteId: byId(String(quote.id)),
		});
		sim.buyer.openQuote(String(quote.id), 'email');

		const result = await runAutomaNet(sim, {
			resource: 'quote',
			operation: 'getTracking',
			quoteId: byId(String(quote.id)),
		});

		expect(result.error).toBeUndefined();
		expect(apiRequests(sim)[2].path).toBe(`/quotes/${quote.id}/tracking`);
		const [tracking] = outputJson(result);
		expect(tracking.quoteId).toBe(quote.id);
		expect(tracking.opened).toBe(true);
		expect(tracking.openCount).toBe(1);
		expect((tracking.opens as IDataObject[])[0].channel).toBe('email');
	});
});

describe('order operations', () => {
	test('get and simplify', async () => {
		const [order] = sim.seed.orders(1);

		const full = await runAutomaNet(sim, {
			resource: 'order',
			operation: 'get',
			orderId: byId(order.id),
		});
		const simplified = await runAutomaNet(sim, {
			resource: 'order',
			operation: 'get',
			orderId: byId(order.id),
			simplify: true,
		});

		expect(apiRequests(sim)[0].path).toBe(`/orders/${order.id}`);
		expect(outputJson(full)[0].id).toBe(order.id);
		expect(outputJson(full)[0].status).toBe('received');
		expect(Object.keys(outputJson(simplified)[0])).toEqual([...SIMPLIFIED_FIELDS.order]);
	});

	test('getAll sends status', async () => {
		const [received] = sim.seed.orders(2);

		const result = await runAutomaNet(sim, {
			resource: 'order',
			operation: 'getAll',
			returnAll: false,
			limit: 1,
			filters: { status: 'received' },
		});

		expect(result.error).toBeUndefined();
		expect(apiRequests(sim)[0].query).toEqual({ page: '1', perPage: '1', status: 'received' });
		expect(outputJson(result).map((order) => order.id)).toEqual([received.id]);
	});

	test('accept posts note and ship date', async () => {
		const [order] = sim.seed.orders(1);

		const result = await runAutomaNet(sim, {
			resource: 'order',
			operation: 'accept',
			orderId: byId(order.id),
			additionalFields: {
				note: 'Ships Monday',
				estimatedShipDate: '={{ DateTime.fromISO("2026-12-07T09:00:00Z") }}',
			},
		});

		expect(result.error).toBeUndefined();
		const [request] = apiRequests(sim);
		expect(request.method).toBe('POST');
		expect(request.path).toBe(`/orders/${order.id}/accept`);
		expect(request.idempotencyKey).toMatch(/^n8n-/);
		expect(request.body).toEqual({ note: 'Ships Monday', estimatedShipDate: '2026-12-07' });
		expect(outputJson(result)[0].status).toBe('accepted');
	});

	test('decline posts the reason', async () => {
		const [order] = sim.seed.orders(1);

		const result = await runAutomaNet(sim, {
			resource: 'order',
			operation: 'decline',
			orderId: byId(order.id),
			reason: '  Out of stock  ',
		});

		expect(result.error).toBeUndefined();
		const [request] = apiRequests(sim);
		expect(request.path).toBe(`/orders/${order.id}/decline`);
		expect(request.idempotencyKey).toMatch(/^n8n-/);
		expect(request.body).toEqual({ reason: 'Out of stock' });
		expect(outputJson(result)[0].status).toBe('declined');
		expect(outputJson(result)[0].declineReason).toBe('Out of stock');
	});

	test('updateShipping puts tracking', async () => {
		const [order] = sim.seed.orders(1);
		await runAutomaNet(sim, { resource: 'order', operation: 'accept', orderId: byId(order.id) });

		const result = await runAutomaNet(sim, {
			resource: 'order',
			operation: 'updateShipping',
			orderId: byId(order.id),
			trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
			additionalFields: { carrier: 'UPS', trackingNumber: '1Z999AA10123456784' },
		});

		expect(result.error).toBeUndefined();
		const request = apiRequests(sim)[1];
		expect(request.method).toBe('PUT');
		expect(request.path).toBe(`/orders/${order.id}/shipping`);
		expect(request.body).toEqual({
			trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
			carrier: 'UPS',
			trackingNumber: '1Z999AA10123456784',
		});
		const [shipped] = outputJson(result);
		expect(shipped.status).toBe('shipped');
		expect((shipped.shipping as IDataObject).carrier).toBe('UPS');
	});
});

describe('payment operations', () => {
	test('get returns the payment', async () => {
		const [payment] = sim.seed.payments(1);

		const result = await runAutomaNet(sim, {
			resource: 'payment',
			operation: 'get',
			paymentId: byId(payment.id),
		});

		expect(result.error).toBeUndefined();
		expect(apiRequests(sim)[0].path).toBe(`/payments/${payment.id}`);
		expect(outputJson(result)[0]).toEqual(payment);
	});

	test('getAll sends orderId and status', async () => {
		const [first] = sim.seed.payments(2);

		const result = await runAutomaNet(sim, {
			resource: 'payment',
			operation: 'getAll',
			returnAll: true,
			filters: { orderId: first.orderId, status: 'pending' },
		});

		expect(result.error).toBeUndefined();
		expect(apiRequests(sim)[0].query).toEqual({
			page: '1',
			perPage: '100',
			orderId: first.orderId,
			status: 'pending',
		});
		expect(outputJson(result).map((payment) => payment.id)).toEqual([first.id]);
	});

	test('updateStatus patches the status', async () => {
		const [payment] = sim.seed.payments(1);

		const result = await runAutomaNet(sim, {
			resource: 'payment',
			operation: 'updateStatus',
			paymentId: byId(payment.id),
			status: 'paid',
		});

		expect(result.error).toBeUndefined();
		const [request] = apiRequests(sim);
		expect(request.method).toBe('PATCH');
		expect(request.path).toBe(`/payments/${payment.id}`);
		expect(request.body).toEqual({ status: 'paid' });
		expect(outputJson(result)[0].status).toBe('paid');
	});
});
