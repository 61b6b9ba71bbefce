import fixtures from './fixtures/rfqs.json';
import { acceptQuote } from './buyer';
import type { SimulatorContext } from './context';
import { clone, type Order, type Payment, type Quote, type Rfq } from './models';
import { acceptOrder } from './orders';
import { createQuote, sendQuote } from './quotes';
import { storeRfq, type RfqDraft } from './rfqs';

// Bulk records for paging tests. They are stored directly and emit no webhook events, except
// through the buyer actions used to build orders and payments.

/** Stores the fixture RFQs with their own ids, numbers and timestamps. */
export function loadFixtureRfqs(context: SimulatorContext): Rfq[] {
	return (fixtures as RfqDraft[]).map((fixture) => storeRfq(context, clone(fixture)));
}

/** Stores `count` received RFQs, each with a new id and timestamp, plus the given overrides. */
export function seedRfqs(
	context: SimulatorContext,
	count: number,
	overrides: RfqDraft = {},
): Rfq[] {
	const rfqs: Rfq[] = [];
	for (let index = 0; index < count; index++) {
		const now = context.clock().toISOString();
		rfqs.push(
			storeRfq(context, {
				createdAt: now,
				updatedAt: now,
				...clone(overrides),
				id: undefined,
				number: undefined,
			}),
		);
	}
	return rfqs;
}

/** Stores `count` draft quotes for a generic buyer, with different part numbers. */
export function seedQuotes(context: SimulatorContext, count: number): Quote[] {
	const quotes: Quote[] = [];
	for (let index = 0; index < count; index++) {
		quotes.push(
			createQuote(context, {
				buyer: { companyName: 'Seeded Buyer GmbH', email: 'buyer@seeded.example' },
				currency: 'EUR',
				validUntil: '2099-01-31',
				items: [
					{
						partNumber: `SEED-${index + 1}`,
						brand: 'Siemens',
						quantity: 1,
						unitPrice: 100 + index,
					},
				],
			}),
		);
	}
	return quotes;
}

function seedAcceptedQuote(
	context: SimulatorContext,
	count: number,
	paymentMethod: 'stripe' | 'bank_transfer',
) {
	return seedQuotes(context, count).map((quote) => {
		sendQuote(context, quote.id);
		return acceptQuote(context, quote.id, paymentMethod);
	});
}

/** Stores `count` orders in status `received` (bank transfer, so still without payment). */
export function seedOrders(context: SimulatorContext, count: number): Order[] {
	return seedAcceptedQuote(context, count, 'bank_transfer').map((sale) => sale.order);
}

/** Stores `count` pending bank-transfer payments, each of an accepted order. */
export function seedPayments(context: SimulatorContext, count: number): Payment[] {
	return seedOrders(context, count).map((order) => {
		acceptOrder(context, order.id, {});
		return context.store.getPayment(order.paymentId ?? '');
	});
}
