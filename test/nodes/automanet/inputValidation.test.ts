import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import { startSimulator, type Simulator } from '../../../simulator';
import { apiRequests, byId, runAutomaNet } from './runAutomaNet';

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

const goodLine = { partNumber: '774310', brand: 'Pilz', quantity: 1, unitPrice: 189 };

function quoteFromFields(lines: IDataObject[], overrides: IDataObject = {}): IDataObject {
	return {
		resource: 'quote',
		operation: 'create',
		currency: 'EUR',
		validUntil: '2099-12-31T00:00:00',
		itemsInputMode: 'fields',
		items: { item: lines.map((line) => ({ condition: 'new', ...line })) },
		additionalFields: { rfqId: 'rfq_7Hc2kQ1' },
		...overrides,
	};
}

function quoteFromJson(itemsJson: string, overrides: IDataObject = {}): IDataObject {
	return {
		resource: 'quote',
		operation: 'create',
		currency: 'EUR',
		validUntil: '2099-12-31',
		itemsInputMode: 'json',
		itemsJson,
		additionalFields: { rfqId: 'rfq_7Hc2kQ1' },
		...overrides,
	};
}

interface BadInputCase {
	name: string;
	parameters: IDataObject;
	message: string;
	/** Text the error description must contain: how to fix the input. */
	fix: string;
}

const cases: BadInputCase[] = [
	{
		name: 'missing part number',
		parameters: quoteFromFields([goodLine, { ...goodLine, partNumber: '  ' }]),
		message: 'Item 1, line 2: Part Number is missing',
		fix: "Set Part Number on line 2 to the manufacturer's part number",
	},
	{
		name: 'missing brand in JSON',
		parameters: quoteFromJson(JSON.stringify([{ ...goodLine, brand: undefined }])),
		message: 'Item 1, line 1: Brand is missing',
		fix: 'Set "brand" of line 1 in Lines (JSON) to the manufacturer',
	},
	{
		name: 'fractional quantity',
		parameters: quoteFromFields([goodLine, goodLine, { ...goodLine, quantity: 1.5 }]),
		message: 'Item 1, line 3: Quantity must be a positive whole number, got "1.5"',
		fix: 'Set Quantity on line 3 to a positive whole number',
	},
	{
		name: 'zero quantity',
		parameters: quoteFromFields([{ ...goodLine, quantity: 0 }]),
		message: 'Item 1, line 1: Quantity must be a positive whole number, got "0"',
		fix: 'Set Quantity on line 1',
	},
	{
		name: 'text quantity in JSON',
		parameters: quoteFromJson(JSON.stringify([{ ...goodLine, quantity: 'two' }])),
		message: 'Item 1, line 1: Quantity must be a positive whole number, got "two"',
		fix: 'Set "quantity" of line 1 in Lines (JSON)',
	},
	{
		name: 'missing quantity in JSON',
		parameters: quoteFromJson(JSON.stringify([{ ...goodLine, quantity: undefined }])),
		message: 'Item 1, line 1: Quantity must be a positive whole number, got nothing',
		fix: 'Set "quantity" of line 1',
	},
	{
		name: 'quantity beyond safe integers',
		parameters: quoteFromFields([{ ...goodLine, quantity: 1e30 }]),
		message: 'Item 1, line 1: Quantity must be at most 9007199254740991, got "1e+30"',
		fix: 'Set Quantity on line 1 to a positive whole number of at most 9007199254740991',
	},
	{
		name: 'quantity 2^53 in JSON',
		parameters: quoteFromJson(
			'[{"partNumber": "774310", "brand": "Pilz", "quantity": 9007199254740992, "unitPrice": 189}]',
		),
		message: 'Item 1, line 1: Quantity must be at most 9007199254740991, got "9007199254740992"',
		fix: 'Set "quantity" of line 1 in Lines (JSON) to a positive whole number of at most',
	},
	{
		name: 'lead time beyond safe integers',
		parameters: quoteFromJson(JSON.stringify([{ ...goodLine, leadTimeDays: 1e30 }])),
		message: 'Item 1, line 1: Lead Time (Days) must be at most 9007199254740991, got "1e+30"',
		fix: 'Set "leadTimeDays" of line 1 in Lines (JSON) to a whole number of 0 or more of at most 9007199254740991',
	},
	{
		name: 'warranty beyond safe integers',
		parameters: quoteFromFields([{ ...goodLine, warrantyMonths: 1e20 }]),
		message:
			'Item 1, line 1: Warranty (Months) must be at most 9007199254740991, got "100000000000000000000"',
		fix: 'Set Warranty (Months) on line 1 to a whole number of 0 or more of at most',
	},
	{
		name: 'infinite unit price in JSON',
		parameters: quoteFromJson(
			'[{"partNumber": "774310", "brand": "Pilz", "quantity": 1, "unitPrice": 1e400}]',
		),
		message: 'Item 1, line 1: Unit Price must be a number of 0 or more, got "Infinity"',
		fix: 'Set "unitPrice" of line 1 in Lines (JSON) to the price of one unit',
	},
	{
		name: 'NaN unit price from expression',
		parameters: quoteFromFields([{ ...goodLine, unitPrice: '={{ 0 / 0 }}' }]),
		message: 'Item 1, line 1: Unit Price must be a number of 0 or more, got "NaN"',
		fix: 'Set Unit Price on line 1 to the price of one unit',
	},
	{
		name: 'negative unit price',
		parameters: quoteFromFields([{ ...goodLine, unitPrice: -5 }]),
		message: 'Item 1, line 1: Unit Price must be a number of 0 or more, got "-5"',
		fix: 'Set Unit Price on line 1 to the price of one unit',
	},
	{
		name: 'non-numeric unit price',
		parameters: quoteFromJson(JSON.stringify([{ ...goodLine, unitPrice: '12,50' }])),
		message: 'Item 1, line 1: Unit Price must be a number of 0 or more, got "12,50"',
		fix: 'e.g. 189.50',
	},
	{
		name: 'unknown condition',
		parameters: quoteFromJson(JSON.stringify([{ ...goodLine, condition: 'mint' }])),
		message: 'Item 1, line 1: Condition must be a known part condition, got "mint"',
		fix: 'one of new, new_surplus, new_opened, new_sealed, new_no_box, refurbished, used, repaired',
	},
	{
		name: 'negative lead time',
		parameters: quoteFromFields([{ ...goodLine, leadTimeDays: -1 }]),
		message: 'Item 1, line 1: Lead Time (Days) must be a whole number of 0 or more, got "-1"',
		fix: 'Set Lead Time (Days) on line 1',
	},
	{
		name: 'fractional warranty in JSON',
		parameters: quoteFromJson(JSON.stringify([{ ...goodLine, warrantyMonths: 1.5 }])),
		message: 'Item 1, line 1: Warranty (Months) must be a whole number of 0 or more, got "1.5"',
		fix: 'Set "warrantyMonths" of line 1',
	},
	{
		name: 'unknown key in JSON',
		parameters: quoteFromJson(JSON.stringify([{ ...goodLine, colour: 'red' }])),
		message: 'Item 1, line 1: "colour" is not a quote line field',
		fix: 'Accepted keys (case-sensitive): partNumber, brand, quantity, unitPrice, condition, leadTimeDays, warrantyMonths, description, rfqItemId',
	},
	{
		name: 'misspelled key on line 2',
		parameters: quoteFromJson(JSON.stringify([goodLine, { ...goodLine, leadTimeDay: 5 }])),
		message: 'Item 1, line 2: "leadTimeDay" is not a quote line field',
		fix: 'Remove the key from line 2 in Lines (JSON) or correct its spelling',
	},
	{
		name: 'key in the wrong case',
		parameters: quoteFromJson(JSON.stringify([{ ...goodLine, rfqItemID: 'rfi_1' }])),
		message: 'Item 1, line 1: "rfqItemID" is not a quote line field',
		fix: 'Did you mean "rfqItemId"?',
	},
	{
		name: 'no lines in fields',
		parameters: { ...quoteFromFields([]), items: {} },
		message: 'Item 1: The quote has no lines',
		fix: 'Add at least one line under Lines',
	},
	{
		name: 'empty JSON array',
		parameters: quoteFromJson('[]'),
		message: 'Item 1: The quote has no lines',
		fix: 'Give Lines (JSON) an array with at least one object',
	},
	{
		name: 'JSON object instead of array',
		parameters: quoteFromJson(JSON.stringify(goodLine)),
		message: 'Item 1: Lines (JSON) must be an array of objects, got an object',
		fix: 'point the expression at the array itself',
	},
	{
		name: 'JSON that does not parse',
		parameters: quoteFromJson('[{"partNumber": "774310",'),
		message: 'Item 1: Lines (JSON) is not valid JSON',
		fix: 'Enter a JSON array such as',
	},
	{
		name: 'JSON entry not an object',
		parameters: quoteFromJson(JSON.stringify([goodLine, 'line two'])),
		message: 'Item 1, line 2: Lines (JSON) entries must be objects, got a string',
		fix: "Make each entry of the array an object with the line's fields",
	},
	{
		name: 'valid until not a date',
		parameters: quoteFromFields([goodLine], { validUntil: 'next week' }),
		message: 'Item 1: Valid Until must be a date, got "next week"',
		fix: 'Enter a date such as 2026-12-31',
	},
	{
		name: 'valid until not a calendar day',
		parameters: quoteFromFields([goodLine], { validUntil: '2026-02-30' }),
		message: 'Item 1: Valid Until must be a date, got "2026-02-30"',
		fix: 'Enter a date such as 2026-12-31',
	},
	{
		name: 'valid until empty from expression',
		parameters: quoteFromFields([goodLine], { validUntil: '={{ $json.missing }}' }),
		message: 'Item 1: Valid Until is empty',
		fix: 'Enter a date such as 2026-12-31',
	},
	{
		name: 'currency not a code',
		parameters: quoteFromFields([goodLine], { currency: 'Euro' }),
		message: 'Item 1: Currency must be a three-letter ISO 4217 code, got "Euro"',
		fix: 'EUR, USD or PLN',
	},
	{
		name: 'quote without RFQ or buyer',
		parameters: quoteFromFields([goodLine], { additionalFields: { notes: 'x' } }),
		message: 'Item 1: The quote needs an RFQ ID or a buyer',
		fix: 'set RFQ ID to the RFQ this quote responds to',
	},
	{
		name: 'negative shipping cost',
		parameters: quoteFromFields([goodLine], {
			additionalFields: { rfqId: 'rfq_7Hc2kQ1', shippingCost: -1 },
		}),
		message: 'Item 1: Shipping Cost must be a number of 0 or more, got "-1"',
		fix: 'Enter the shipping cost in the quote currency',
	},
	{
		name: 'infinite shipping cost',
		parameters: quoteFromFields([goodLine], {
			additionalFields: { rfqId: 'rfq_7Hc2kQ1', shippingCost: '={{ 1 / 0 }}' },
		}),
		message: 'Item 1: Shipping Cost must be a number of 0 or more, got "Infinity"',
		fix: 'Enter the shipping cost in the quote currency',
	},
	{
		name: 'invalid buyer email',
		parameters: quoteFromFields([goodLine], {
			additionalFields: { buyerCompanyName: 'Nordwerk GmbH', buyerEmail: 'nordwerk' },
		}),
		message: 'Item 1: Buyer Email must be an e-mail address, got "nordwerk"',
		fix: 'Enter one address, e.g. buyer@example.com',
	},
	{
		name: 'update without quote ID',
		parameters: { ...quoteFromFields([goodLine]), operation: 'update', quoteId: byId(' ') },
		message: 'Item 1: Quote ID is empty',
		fix: 'Pick the Quote from the list, or enter its ID',
	},
	{
		name: 'rfq get with dot-dot ID',
		parameters: { resource: 'rfq', operation: 'get', rfqId: byId('..') },
		message: 'Item 1: RFQ ID is invalid, got ".."',
		fix: 'are not "." or ".."',
	},
	{
		name: 'order accept with dot ID',
		parameters: { resource: 'order', operation: 'accept', orderId: byId('.') },
		message: 'Item 1: Order ID is invalid, got "."',
		fix: 'are not "." or ".."',
	},
	{
		name: 'payment update with long ID',
		parameters: {
			resource: 'payment',
			operation: 'updateStatus',
			paymentId: byId('p'.repeat(256)),
			status: 'paid',
		},
		message: `Item 1: Payment ID is invalid, got "${'p'.repeat(40)}…"`,
		fix: 'IDs are at most 255 characters',
	},
	{
		name: 'send with invalid cc address',
		parameters: {
			resource: 'quote',
			operation: 'send',
			quoteId: byId('qt_missing'),
			additionalFields: { ccEmails: 'sales@example.com, manager at example.com' },
		},
		message: 'Item 1: CC Emails contains an invalid e-mail address, got "manager at example.com"',
		fix: 'Separate addresses with commas',
	},
	{
		name: 'tracking URL with ftp',
		parameters: {
			resource: 'order',
			operation: 'updateShipping',
			orderId: byId('ord_x'),
			trackingUrl: 'ftp://example.com/1',
		},
		message: 'Item 1: Tracking URL must be an http or https URL, got "ftp://example.com/1"',
		fix: 'starting with https://',
	},
	{
		name: 'tracking URL without scheme',
		parameters: {
			resource: 'order',
			operation: 'updateShipping',
			orderId: byId('ord_x'),
			trackingUrl: 'www.ups.com/track',
		},
		message: 'Item 1: Tracking URL must be an http or https URL, got "www.ups.com/track"',
		fix: 'starting with https://',
	},
	{
		name: 'empty decline reason',
		parameters: { resource: 'order', operation: 'decline', orderId: byId('ord_x'), reason: '   ' },
		message: 'Item 1: Reason is empty',
		fix: 'Enter why the order is declined',
	},
	{
		name: 'accept with invalid ship date',
		parameters: {
			resource: 'order',
			operation: 'accept',
			orderId: byId('ord_x'),
			additionalFields: { estimatedShipDate: 'soon' },
		},
		message: 'Item 1: Estimated Ship Date must be a date, got "soon"',
		fix: 'Enter a date such as 2026-12-31',
	},
	{
		name: 'payment status not settable',
		parameters: {
			resource: 'payment',
			operation: 'updateStatus',
			paymentId: byId('pay_x'),
			status: '={{ "refunded" }}',
		},
		message: 'Item 1: Status must be one of pending, paid, failed, got "refunded"',
		fix: 'Pick a status from the list',
	},
	{
		name: 'limit below one',
		parameters: { resource: 'order', operation: 'getAll', returnAll: false, limit: 0 },
		message: 'Item 1: Limit must be a whole number of 1 or more, got "0"',
		fix: 'turn on Return All',
	},
	{
		name: 'created after not a date',
		parameters: {
			resource: 'order',
			operation: 'getAll',
			returnAll: true,
			filters: { createdAfter: 'yesterday' },
		},
		message: 'Item 1: Created After must be a date and time, got "yesterday"',
		fix: 'ISO 8601',
	},
];

describe('action node input checks', () => {
	test.each(cases)('$name', async ({ parameters, message, fix }) => {
		const result = await runAutomaNet(sim, parameters);

		expect(result.error?.message).toBe(message);
		expect(result.error?.description).toContain(fix);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.context.itemIndex).toBe(0);
		expect(apiRequests(sim)).toEqual([]);
	});

	test('names the failing input item', async () => {
		const lines = [goodLine, goodLine, { ...goodLine, quantity: 1.5 }];

		const result = await runAutomaNet(sim, quoteFromJson('={{ $json.lines }}'), {
			inputItems: [{ lines: [goodLine] }, { lines }],
		});

		expect(result.error?.message).toBe(
			'Item 2, line 3: Quantity must be a positive whole number, got "1.5"',
		);
		expect(result.error?.context.itemIndex).toBe(1);
		expect(apiRequests(sim)).toEqual([]);
		expect(sim.state().quotes).toEqual([]);
	});
});

describe('valid until check', () => {
	const berlinToday = () => DateTime.now().setZone('Europe/Berlin').toISODate() as string;

	test('yesterday is rejected', async () => {
		const yesterday = DateTime.now().setZone('Europe/Berlin').minus({ days: 1 }).toISODate();

		const result = await runAutomaNet(sim, quoteFromFields([goodLine], { validUntil: yesterday }), {
			timezone: 'Europe/Berlin',
		});

		expect(result.error?.message).toBe(
			`Item 1: Valid Until must be today or later, got "${yesterday}"`,
		);
		expect(result.error?.description).toBe(
			`Pick a date from today on: ${berlinToday()} or later in the workflow's time zone (Europe/Berlin)`,
		);
		expect(result.error?.context.itemIndex).toBe(0);
		expect(apiRequests(sim)).toEqual([]);
	});

	test('past year on update is rejected', async () => {
		const result = await runAutomaNet(sim, {
			...quoteFromJson(JSON.stringify([goodLine]), { validUntil: '2020-01-31T00:00:00' }),
			operation: 'update',
			quoteId: byId('qt_any'),
		});

		expect(result.error?.message).toBe(
			'Item 1: Valid Until must be today or later, got "2020-01-31"',
		);
		expect(apiRequests(sim)).toEqual([]);
	});

	test('today is accepted', async () => {
		const today = berlinToday();

		const result = await runAutomaNet(sim, quoteFromFields([goodLine], { validUntil: today }), {
			timezone: 'Europe/Berlin',
		});

		expect(result.error).toBeUndefined();
		expect(apiRequests(sim).map((request) => (request.body as IDataObject).validUntil)).toEqual([
			today,
		]);
	});

	test('today uses the workflow time zone', async () => {
		// Kiritimati (UTC+14) is always at least one day ahead of Pago Pago (UTC-11).
		const pagoPagoToday = DateTime.now().setZone('Pacific/Pago_Pago').toISODate() as string;
		const parameters = quoteFromFields([goodLine], { validUntil: pagoPagoToday });

		const ahead = await runAutomaNet(sim, parameters, { timezone: 'Pacific/Kiritimati' });
		const local = await runAutomaNet(sim, parameters, { timezone: 'Pacific/Pago_Pago' });

		expect(ahead.error?.message).toBe(
			`Item 1: Valid Until must be today or later, got "${pagoPagoToday}"`,
		);
		expect(ahead.error?.description).toContain('(Pacific/Kiritimati)');
		expect(local.error).toBeUndefined();
	});
});
