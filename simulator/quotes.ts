import { ApiError, invalidState, validationFailed } from './apiError';
import type { SimulatorContext } from './context';
import { createId } from './ids';
import type { Quote, QuoteItem } from './models';
import { roundMoney } from './money';
import type { QuoteInputBody } from './schemas';
import { ERROR_CODE, type ApiErrorDetail } from '../nodes/shared/transport/wire';

type QuoteFields = Pick<
	Quote,
	| 'rfqId'
	| 'buyer'
	| 'currency'
	| 'validUntil'
	| 'items'
	| 'shippingCost'
	| 'paymentTerms'
	| 'incoterms'
	| 'notes'
	| 'externalReference'
	| 'subtotal'
	| 'total'
>;

const EDITABLE_STATUSES = ['draft', 'sent'];

/**
 * Checks the references of a quote body against stored data and computes the totals:
 * `subtotal = Σ quantity × unitPrice`, `total = subtotal + shippingCost`, rounded to cents.
 * The buyer defaults to the RFQ's buyer when only `rfqId` is given.
 */
function buildQuoteFields(context: SimulatorContext, input: QuoteInputBody): QuoteFields {
	const details: ApiErrorDetail[] = [];
	const rfq = input.rfqId ? context.store.rfqs.get(input.rfqId) : undefined;
	if (input.rfqId && !rfq) {
		details.push({ field: 'rfqId', message: `rfq ${input.rfqId} was not found` });
	}
	input.items.forEach((item, index) => {
		if (!item.rfqItemId) return;
		if (!input.rfqId) {
			details.push({ field: `items[${index}].rfqItemId`, message: 'requires rfqId' });
		} else if (rfq && !rfq.items.some((rfqItem) => rfqItem.id === item.rfqItemId)) {
			details.push({
				field: `items[${index}].rfqItemId`,
				message: `is not an item of rfq ${rfq.id}`,
			});
		}
	});
	if (details.length > 0) throw validationFailed(details);

	const items: QuoteItem[] = input.items.map((item) => ({
		id: createId('qti'),
		rfqItemId: item.rfqItemId ?? null,
		partNumber: item.partNumber,
		brand: item.brand,
		quantity: item.quantity,
		unitPrice: item.unitPrice,
		condition: item.condition ?? null,
		leadTimeDays: item.leadTimeDays ?? null,
		warrantyMonths: item.warrantyMonths ?? null,
		description: item.description ?? null,
	}));
	const subtotal = roundMoney(items.reduce((sum, item) => sum + item.quantity * item.unitPrice, 0));
	const shippingCost = roundMoney(input.shippingCost ?? 0);
	return {
		rfqId: input.rfqId ?? null,
		buyer: {
			companyName: input.buyer?.companyName ?? rfq?.buyer.companyName ?? null,
			email: input.buyer?.email ?? rfq?.buyer.email ?? null,
		},
		currency: input.currency,
		validUntil: input.validUntil,
		items,
		shippingCost,
		paymentTerms: input.paymentTerms ?? null,
		incoterms: input.incoterms ?? null,
		notes: input.notes ?? null,
		externalReference: input.externalReference ?? null,
		subtotal,
		total: roundMoney(subtotal + shippingCost),
	};
}

/** Creates a quote in status `draft`. */
export function createQuote(context: SimulatorContext, input: QuoteInputBody): Quote {
	const fields = buildQuoteFields(context, input);
	const now = context.clock().toISOString();
	const quote: Quote = {
		id: createId('qt'),
		number: context.store.nextNumber('quote'),
		status: 'draft',
		createdAt: now,
		updatedAt: now,
		sentAt: null,
		...fields,
		declineReason: null,
		tracking: { opened: false, openCount: 0, firstOpenedAt: null, lastOpenedAt: null },
	};
	context.store.quotes.set(quote.id, quote);
	return quote;
}

/** Replaces every editable field of a quote; allowed only in `draft` or `sent`. */
export function replaceQuote(
	context: SimulatorContext,
	quoteId: string,
	input: QuoteInputBody,
): Quote {
	const quote = context.store.getQuote(quoteId);
	if (!EDITABLE_STATUSES.includes(quote.status)) {
		throw invalidState('quote', quote.id, quote.status, 'draft or sent quotes can be replaced');
	}
	Object.assign(quote, buildQuoteFields(context, input));
	quote.updatedAt = context.clock().toISOString();
	return quote;
}

/** Sends a quote to its buyer (again, if already sent) and marks its open RFQ as quoted. */
export function sendQuote(context: SimulatorContext, quoteId: string): Quote {
	const quote = context.store.getQuote(quoteId);
	if (!EDITABLE_STATUSES.includes(quote.status)) {
		throw invalidState('quote', quote.id, quote.status, 'draft or sent quotes can be sent');
	}
	if (!quote.buyer.email && !quote.rfqId) {
		throw new ApiError(422, ERROR_CODE.validationFailed, 'the quote has no buyer to send it to', [
			{ field: 'buyer.email', message: 'is required to send a quote without rfqId' },
		]);
	}
	const now = context.clock().toISOString();
	quote.status = 'sent';
	quote.sentAt = now;
	quote.updatedAt = now;

	const rfq = quote.rfqId ? context.store.rfqs.get(quote.rfqId) : undefined;
	if (rfq && rfq.status === 'open') {
		rfq.status = 'quoted';
		rfq.updatedAt = now;
	}
	return quote;
}

/** Builds the Track Quote Opening response. */
export function quoteTracking(context: SimulatorContext, quoteId: string): Record<string, unknown> {
	const quote = context.store.getQuote(quoteId);
	return {
		quoteId: quote.id,
		...quote.tracking,
		opens: context.store.quoteOpens.get(quote.id) ?? [],
	};
}
