import { z } from 'zod';

import {
	ALL_EVENTS,
	EVENT_TYPES,
	IDEMPOTENCY_KEY_MAX_LENGTH,
	PART_CONDITIONS,
	PAYMENT_METHODS,
	PAYMENT_STATUSES,
	RFQ_STATUSES,
	SETTABLE_PAYMENT_STATUSES,
} from '../nodes/shared/transport/wire';

// Request body schemas of the simulated API. Bodies are strict, so that a field name the nodes
// misspell comes back as a 422 naming that field instead of being silently dropped.

const DATE_OR_DATE_TIME =
	/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** An ISO 8601 date (`2026-12-31`) or date-time. A date-time keeps only its date part. */
export const isoDate = z
	.string()
	.refine(
		(value) => DATE_OR_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value.slice(0, 10))),
		'must be an ISO 8601 date such as 2026-12-31',
	)
	.transform((value) => value.slice(0, 10));

const httpUrl = z
	.string()
	.min(1)
	.refine((value) => {
		try {
			const url = new URL(value);
			return url.protocol === 'http:' || url.protocol === 'https:';
		} catch {
			return false;
		}
	}, 'must be an http or https URL');

const optionalText = z.string().nullish();

export const quoteItemSchema = z
	.object({
		rfqItemId: z.string().min(1).nullish(),
		partNumber: z.string().trim().min(1),
		brand: z.string().trim().min(1),
		quantity: z.number().int().min(1),
		unitPrice: z.number().finite().min(0),
		condition: z.enum(PART_CONDITIONS).nullish(),
		leadTimeDays: z.number().int().min(0).nullish(),
		warrantyMonths: z.number().int().min(0).nullish(),
		description: optionalText,
	})
	.strict();

/** Body of Create Quote and Put Quote, which needs `rfqId` or `buyer`. */
export const quoteInputSchema = z
	.object({
		rfqId: z.string().min(1).nullish(),
		buyer: z
			.object({
				companyName: z.string().trim().min(1).nullish(),
				email: z.string().email().nullish(),
			})
			.strict()
			.nullish(),
		currency: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code such as EUR'),
		validUntil: isoDate,
		items: z.array(quoteItemSchema).min(1),
		shippingCost: z.number().finite().min(0).nullish(),
		paymentTerms: optionalText,
		incoterms: optionalText,
		notes: optionalText,
		externalReference: optionalText,
	})
	.strict()
	.superRefine((input, context) => {
		if (!input.rfqId && !input.buyer) {
			context.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['buyer'],
				message: 'is required when rfqId is not given',
			});
		}
	});
export type QuoteInputBody = z.infer<typeof quoteInputSchema>;

export const sendQuoteSchema = z
	.object({
		message: optionalText,
		ccEmails: z.array(z.string().email()).nullish(),
	})
	.strict();

export const acceptOrderSchema = z
	.object({
		note: optionalText,
		estimatedShipDate: isoDate.nullish(),
	})
	.strict();

export const declineOrderSchema = z.object({ reason: z.string().trim().min(1) }).strict();

export const shippingSchema = z
	.object({
		trackingUrl: httpUrl,
		carrier: optionalText,
		trackingNumber: optionalText,
	})
	.strict();

export const paymentStatusSchema = z.object({ status: z.enum(SETTABLE_PAYMENT_STATUSES) }).strict();

export const webhookCreateSchema = z
	.object({
		url: httpUrl,
		events: z
			.array(z.enum([ALL_EVENTS, ...EVENT_TYPES]))
			.min(1)
			.refine(
				(events) => !events.includes(ALL_EVENTS) || events.length === 1,
				`"${ALL_EVENTS}" must be the only entry`,
			),
		description: z.string().max(500).nullish(),
	})
	.strict();

export const idempotencyKeySchema = z.string().min(1).max(IDEMPOTENCY_KEY_MAX_LENGTH);

// Admin bodies (the buyer side and test controls).

const rfqItemDraftSchema = z
	.object({
		id: z.string().min(1).optional(),
		partNumber: z.string().trim().min(1).optional(),
		brand: z.string().trim().min(1).optional(),
		quantity: z.number().int().min(1).optional(),
		condition: z.enum(PART_CONDITIONS).nullish(),
		description: optionalText,
		targetUnitPrice: z.number().finite().min(0).nullish(),
	})
	.strict();

/** A partial RFQ posted by the buyer; its timestamps are ignored and set to now. */
export const rfqDraftSchema = z
	.object({
		id: z.string().min(1).optional(),
		number: z.string().min(1).optional(),
		direction: z.enum(['received', 'sent']).optional(),
		status: z.enum(RFQ_STATUSES).optional(),
		createdAt: z.string().optional(),
		updatedAt: z.string().optional(),
		expiresAt: z.string().datetime({ offset: true }).nullish(),
		buyer: z
			.object({
				companyName: z.string().trim().min(1),
				contactName: optionalText,
				email: z.string().email().nullish(),
				country: optionalText,
			})
			.partial()
			.strict()
			.optional(),
		supplier: z
			.object({ companyName: z.string().trim().min(1), country: optionalText })
			.partial()
			.strict()
			.optional(),
		deliveryCountry: optionalText,
		currency: z
			.string()
			.regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code such as EUR')
			.optional(),
		message: optionalText,
		items: z.array(rfqItemDraftSchema).optional(),
	})
	.strict();

export const openQuoteSchema = z
	.object({ channel: z.enum(['portal', 'email']).optional() })
	.strict();

export const acceptQuoteSchema = z
	.object({ paymentMethod: z.enum(PAYMENT_METHODS).optional() })
	.strict();

export const declineQuoteSchema = z.object({ reason: z.string().optional() }).strict();

export const buyerPaymentStatusSchema = z.object({ status: z.enum(PAYMENT_STATUSES) }).strict();

export const faultsSchema = z
	.object({
		failNext: z
			.object({
				count: z.number().int().min(1),
				status: z.number().int().min(400).max(599),
				retryAfterSeconds: z.number().int().min(0).optional(),
				afterProcessing: z.boolean().optional(),
			})
			.strict()
			.optional(),
		delayNext: z
			.object({ count: z.number().int().min(1), ms: z.number().int().min(0).max(60000) })
			.strict()
			.optional(),
	})
	.strict();

export const seedSchema = z
	.object({
		kind: z.enum(['rfqs', 'quotes', 'orders', 'payments']),
		count: z.number().int().min(1).max(1000),
	})
	.strict();
