import type { QuoteInput } from '../../nodes/shared/transport/wire';
import { quoteBody } from '../../nodes/shared/transport/wire';

/** Builds a valid Create Quote body for the first fixture RFQ, with optional overrides. */
export function quoteInput(overrides: Partial<QuoteInput> = {}): Record<string, unknown> {
	return quoteBody({
		rfqId: 'rfq_7Hc2kQ1',
		currency: 'EUR',
		validUntil: '2099-12-31',
		items: [
			{
				rfqItemId: 'rfi_01',
				partNumber: '6ES7214-1AG40-0XB0',
				brand: 'Siemens',
				quantity: 2,
				unitPrice: 295.5,
				condition: 'new_sealed',
				leadTimeDays: 3,
				warrantyMonths: 12,
			},
			{ rfqItemId: 'rfi_02', partNumber: '774310', brand: 'Pilz', quantity: 1, unitPrice: 180 },
		],
		shippingCost: 25,
		paymentTerms: 'Prepayment',
		incoterms: 'DAP',
		externalReference: 'ERP-Q-1001',
		...overrides,
	});
}
