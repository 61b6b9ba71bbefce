/**
 * The Automa.Net wire format: every path, header, query parameter, event type and body field
 * name that this package sends or reads. Automa.Net does not publish its wire reference, so
 * these names are the project's model of the API; aligning with the official reference is a
 * change to this file (and the simulator's fixtures). Nodes never build a URL or name a wire
 * field anywhere else.
 */
import type { IDataObject } from 'n8n-workflow';

export const DEFAULT_BASE_URL = 'https://api.automa.net/v1';

export const HEADER = {
	authorization: 'Authorization',
	idempotencyKey: 'Idempotency-Key',
	retryAfter: 'retry-after',
	signature: 'x-automa-signature',
	eventType: 'x-automa-event',
	deliveryId: 'x-automa-delivery',
	/** Set to `true` on a response replayed for a repeated Idempotency-Key. */
	idempotentReplayed: 'idempotent-replayed',
} as const;

/** Builds the Authorization header value for an API key. */
export function bearer(apiKey: string): string {
	return `Bearer ${apiKey}`;
}

/** Maximum length of an Idempotency-Key header value. */
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

export const PATH = {
	me: '/me',
	rfqs: (direction: RfqDirection) => `/rfqs/${direction}`,
	rfq: (rfqId: string) => `/rfqs/${encodeURIComponent(rfqId)}`,
	quotes: '/quotes',
	quote: (quoteId: string) => `/quotes/${encodeURIComponent(quoteId)}`,
	quoteSend: (quoteId: string) => `/quotes/${encodeURIComponent(quoteId)}/send`,
	quoteTracking: (quoteId: string) => `/quotes/${encodeURIComponent(quoteId)}/tracking`,
	orders: '/orders',
	order: (orderId: string) => `/orders/${encodeURIComponent(orderId)}`,
	orderAccept: (orderId: string) => `/orders/${encodeURIComponent(orderId)}/accept`,
	orderDecline: (orderId: string) => `/orders/${encodeURIComponent(orderId)}/decline`,
	orderShipping: (orderId: string) => `/orders/${encodeURIComponent(orderId)}/shipping`,
	payments: '/payments',
	payment: (paymentId: string) => `/payments/${encodeURIComponent(paymentId)}`,
	webhooks: '/webhooks',
	webhook: (webhookId: string) => `/webhooks/${encodeURIComponent(webhookId)}`,
} as const;

// ---------------------------------------------------------------------------------------------
// Enumerations

export type RfqDirection = 'received' | 'sent';
export const RFQ_STATUSES = ['open', 'quoted', 'closed', 'expired'] as const;
export const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'declined', 'expired'] as const;
export const ORDER_STATUSES = ['received', 'accepted', 'declined', 'shipped'] as const;
export const PAYMENT_STATUSES = ['pending', 'paid', 'failed', 'refunded'] as const;
/** Payment statuses a supplier may set by hand, on bank-transfer payments only. */
export const SETTABLE_PAYMENT_STATUSES = ['pending', 'paid', 'failed'] as const;
export const PAYMENT_METHODS = ['stripe', 'bank_transfer'] as const;

/** Product conditions, as Automa.Net's inventory guide names them. */
export const PART_CONDITIONS = [
	'new',
	'new_surplus',
	'new_opened',
	'new_sealed',
	'new_no_box',
	'refurbished',
	'used',
	'repaired',
] as const;
export type PartCondition = (typeof PART_CONDITIONS)[number];

export const LIST_SORTS = ['createdAt', '-createdAt', 'updatedAt', '-updatedAt'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

/** The status a quote or payment has when it is created, before any status change. */
export const INITIAL_STATUS = { quote: 'draft', payment: 'pending' } as const;

/** Field holding the status before a change, as in payment.status_updated event data. */
export const PREVIOUS_STATUS_FIELD = 'previousStatus';

/** List sort orders by meaning; ties are broken by id in the same direction. */
export const LIST_SORT = {
	createdOldestFirst: 'createdAt',
	createdNewestFirst: '-createdAt',
	updatedOldestFirst: 'updatedAt',
	updatedNewestFirst: '-updatedAt',
} as const satisfies Record<string, ListSort>;

// ---------------------------------------------------------------------------------------------
// Lists and pagination

/** Largest page size a list endpoint accepts. */
export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 25;

/** Filters shared by every list endpoint, plus each endpoint's own ones. */
export interface ListFilters {
	status?: string;
	search?: string;
	rfqId?: string;
	orderId?: string;
	createdFrom?: string;
	createdTo?: string;
	updatedFrom?: string;
	sort?: ListSort;
}

/** Builds the query string object of one list page request. */
export function listQuery(filters: ListFilters, page: number, perPage: number): IDataObject {
	const query: IDataObject = { page, perPage };
	const names: Array<keyof ListFilters> = [
		'status',
		'search',
		'rfqId',
		'orderId',
		'createdFrom',
		'createdTo',
		'updatedFrom',
		'sort',
	];
	for (const name of names) {
		const value = filters[name];
		if (value !== undefined && value !== '') query[name] = value;
	}
	return query;
}

export interface ListPage {
	records: IDataObject[];
	page: number;
	totalPages: number;
	totalItems: number;
}

/** Reads the `{ data, pagination }` envelope of a list response. */
export function readListPage(body: unknown): ListPage {
	const envelope = (body ?? {}) as IDataObject;
	const pagination = (envelope.pagination ?? {}) as IDataObject;
	const records = Array.isArray(envelope.data) ? (envelope.data as IDataObject[]) : [];
	return {
		records,
		page: Number(pagination.page ?? 1),
		totalPages: Number(pagination.totalPages ?? 1),
		totalItems: Number(pagination.totalItems ?? records.length),
	};
}

/** Fields every object carries, used for cursors and de-duplication. */
export const FIELD = {
	id: 'id',
	status: 'status',
	createdAt: 'createdAt',
	updatedAt: 'updatedAt',
	number: 'number',
} as const;

/** Reads a record's id, creation and update time. */
export function readRecordStamp(record: IDataObject): {
	id: string;
	createdAt: string;
	updatedAt: string;
	status: string;
} {
	return {
		id: String(record[FIELD.id] ?? ''),
		createdAt: String(record[FIELD.createdAt] ?? ''),
		updatedAt: String(record[FIELD.updatedAt] ?? ''),
		status: String(record[FIELD.status] ?? ''),
	};
}

// ---------------------------------------------------------------------------------------------
// Simplified output and record labels

/** Top-level fields kept when the action node's Simplify option is on. */
export const SIMPLIFIED_FIELDS = {
	rfq: [
		'id',
		'number',
		'direction',
		'status',
		'createdAt',
		'expiresAt',
		'buyer',
		'deliveryCountry',
		'currency',
		'items',
	],
	quote: ['id', 'number', 'rfqId', 'status', 'sentAt', 'validUntil', 'buyer', 'currency', 'total'],
	order: [
		'id',
		'number',
		'quoteId',
		'status',
		'paymentMethod',
		'buyer',
		'currency',
		'total',
		'shipping',
	],
} as const satisfies Record<string, readonly string[]>;

/** The fields of an RFQ, quote, order or payment that name it to a person in a list. */
export interface RecordSummary {
	id: string;
	number: string;
	status: string;
	buyerCompanyName: string;
	orderId: string;
	amount: number | undefined;
	currency: string;
}

/** Reads the fields that label a record in a picker; absent fields read as '' or undefined. */
export function readRecordSummary(record: IDataObject): RecordSummary {
	const buyer = (record.buyer ?? {}) as IDataObject;
	const amount = record.total ?? record.amount;
	return {
		id: String(record[FIELD.id] ?? ''),
		number: String(record[FIELD.number] ?? ''),
		status: String(record[FIELD.status] ?? ''),
		buyerCompanyName: String(buyer.companyName ?? ''),
		orderId: String(record.orderId ?? ''),
		amount: typeof amount === 'number' ? amount : undefined,
		currency: String(record.currency ?? ''),
	};
}

// ---------------------------------------------------------------------------------------------
// Errors

export interface ApiErrorDetail {
	field: string;
	message: string;
}

export interface ApiErrorBody {
	code: string;
	message: string;
	details: ApiErrorDetail[];
}

export const ERROR_CODE = {
	badRequest: 'bad_request',
	unauthorized: 'unauthorized',
	forbidden: 'forbidden',
	notFound: 'not_found',
	invalidState: 'invalid_state',
	idempotencyKeyReused: 'idempotency_key_reused',
	validationFailed: 'validation_failed',
	rateLimited: 'rate_limited',
	serverError: 'server_error',
} as const;

/**
 * The status each state-changing endpoint requires, matched on method and path. A 409
 * invalid_state error names the object's current status; these rules explain the allowed ones.
 */
export const STATUS_RULES: ReadonlyArray<{ method: string; path: RegExp; rule: string }> = [
	{
		method: 'PUT',
		path: /^\/quotes\/[^/]+$/,
		rule: 'A quote can be replaced only while its status is draft or sent.',
	},
	{
		method: 'POST',
		path: /^\/quotes\/[^/]+\/send$/,
		rule: 'A quote can be sent only while its status is draft, or sent again while it is sent.',
	},
	{
		method: 'POST',
		path: /^\/orders\/[^/]+\/(accept|decline)$/,
		rule: 'An order can be accepted or declined only while its status is received.',
	},
	{
		method: 'PUT',
		path: /^\/orders\/[^/]+\/shipping$/,
		rule: 'Shipping tracking can be set only on an order whose status is accepted or shipped.',
	},
	{
		method: 'PATCH',
		path: /^\/payments\/[^/]+$/,
		rule: 'Only bank-transfer payments can have their status set by hand. Stripe sets the status of Stripe payments.',
	},
];

/** Reads the `{ error: { code, message, details } }` envelope of a non-2xx response. */
export function readApiError(body: unknown): ApiErrorBody | undefined {
	let parsed = body;
	if (typeof parsed === 'string') {
		try {
			parsed = JSON.parse(parsed);
		} catch {
			return undefined;
		}
	}
	const error = (parsed as IDataObject | undefined)?.error as IDataObject | undefined;
	if (!error || typeof error !== 'object') return undefined;
	const details = Array.isArray(error.details)
		? (error.details as IDataObject[]).map((detail) => ({
				field: String(detail.field ?? ''),
				message: String(detail.message ?? ''),
			}))
		: [];
	return { code: String(error.code ?? ''), message: String(error.message ?? ''), details };
}

// ---------------------------------------------------------------------------------------------
// Request bodies

export interface QuoteItemInput {
	rfqItemId?: string;
	partNumber: string;
	brand: string;
	quantity: number;
	unitPrice: number;
	condition?: PartCondition;
	leadTimeDays?: number;
	warrantyMonths?: number;
	description?: string;
}

export interface QuoteInput {
	rfqId?: string;
	buyer?: { companyName?: string; email?: string };
	currency: string;
	validUntil: string;
	items: QuoteItemInput[];
	shippingCost?: number;
	paymentTerms?: string;
	incoterms?: string;
	notes?: string;
	externalReference?: string;
}

function withoutEmpty(object: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(object)) {
		if (value !== undefined && value !== null && value !== '') result[key] = value;
	}
	return result;
}

/** Builds the body of Create Quote and Put Quote; Put replaces the whole quote. */
export function quoteBody(input: QuoteInput): IDataObject {
	const buyer = input.buyer ? withoutEmpty(input.buyer as IDataObject) : undefined;
	return withoutEmpty({
		rfqId: input.rfqId,
		buyer: buyer && Object.keys(buyer).length > 0 ? buyer : undefined,
		currency: input.currency,
		validUntil: input.validUntil,
		items: input.items.map((item) =>
			withoutEmpty({
				rfqItemId: item.rfqItemId,
				partNumber: item.partNumber,
				brand: item.brand,
				quantity: item.quantity,
				unitPrice: item.unitPrice,
				condition: item.condition,
				leadTimeDays: item.leadTimeDays,
				warrantyMonths: item.warrantyMonths,
				description: item.description,
			}),
		),
		shippingCost: input.shippingCost,
		paymentTerms: input.paymentTerms,
		incoterms: input.incoterms,
		notes: input.notes,
		externalReference: input.externalReference,
	});
}

/** Wire names of a quote item, used to read items given as JSON. */
export const QUOTE_ITEM_FIELD = {
	rfqItemId: 'rfqItemId',
	partNumber: 'partNumber',
	brand: 'brand',
	quantity: 'quantity',
	unitPrice: 'unitPrice',
	condition: 'condition',
	leadTimeDays: 'leadTimeDays',
	warrantyMonths: 'warrantyMonths',
	description: 'description',
} as const;

export function sendQuoteBody(input: { message?: string; ccEmails?: string[] }): IDataObject {
	return withoutEmpty({
		message: input.message,
		ccEmails: input.ccEmails && input.ccEmails.length > 0 ? input.ccEmails : undefined,
	});
}

export function acceptOrderBody(input: { note?: string; estimatedShipDate?: string }): IDataObject {
	return withoutEmpty({ note: input.note, estimatedShipDate: input.estimatedShipDate });
}

export function declineOrderBody(input: { reason: string }): IDataObject {
	return { reason: input.reason };
}

export function shippingBody(input: {
	trackingUrl: string;
	carrier?: string;
	trackingNumber?: string;
}): IDataObject {
	return withoutEmpty({
		trackingUrl: input.trackingUrl,
		carrier: input.carrier,
		trackingNumber: input.trackingNumber,
	});
}

export function paymentStatusBody(input: { status: string }): IDataObject {
	return { status: input.status };
}

// ---------------------------------------------------------------------------------------------
// Webhooks

export const EVENT_TYPES = [
	'rfq.received',
	'quote.accepted',
	'quote.declined',
	'quote.expired',
	'quote.opened',
	'order.received',
	'payment.created',
	'order.payment_assigned',
	'payment.status_updated',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Each event type by name, for code that handles one type. */
export const EVENT = {
	rfqReceived: 'rfq.received',
	quoteAccepted: 'quote.accepted',
	quoteDeclined: 'quote.declined',
	quoteExpired: 'quote.expired',
	quoteOpened: 'quote.opened',
	orderReceived: 'order.received',
	paymentCreated: 'payment.created',
	orderPaymentAssigned: 'order.payment_assigned',
	paymentStatusUpdated: 'payment.status_updated',
} as const satisfies Record<string, EventType>;

/** The subscription value that means every event type. */
export const ALL_EVENTS = '*';

export function webhookCreateBody(input: {
	url: string;
	events: string[];
	description?: string;
}): IDataObject {
	return withoutEmpty({ url: input.url, events: input.events, description: input.description });
}

export interface WebhookSubscription {
	id: string;
	url: string;
	events: string[];
	secret?: string;
}

/** Reads a webhook subscription from a create or list response. */
export function readWebhookSubscription(record: IDataObject): WebhookSubscription {
	return {
		id: String(record.id ?? ''),
		url: String(record.url ?? ''),
		events: Array.isArray(record.events) ? (record.events as string[]).map(String) : [],
		secret: typeof record.secret === 'string' ? record.secret : undefined,
	};
}

export interface WebhookEvent {
	id: string;
	type: string;
	createdAt: string;
	data: IDataObject;
}

/** Reads the `{ id, type, createdAt, data }` envelope of a delivery; undefined if malformed. */
export function readWebhookEvent(body: unknown): WebhookEvent | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const envelope = body as IDataObject;
	if (typeof envelope.id !== 'string' || typeof envelope.type !== 'string') return undefined;
	const data = envelope.data;
	return {
		id: envelope.id,
		type: envelope.type,
		createdAt: String(envelope.createdAt ?? ''),
		data: data && typeof data === 'object' && !Array.isArray(data) ? (data as IDataObject) : {},
	};
}

/** Builds the signature header value `t=<unix seconds>,v1=<hex digest>`. */
export function formatSignatureHeader(timestamp: number, digestHex: string): string {
	return `t=${timestamp},v1=${digestHex}`;
}

/** Parses a signature header; undefined when it is missing or malformed. */
export function parseSignatureHeader(
	header: string | undefined,
): { timestamp: number; signatures: string[] } | undefined {
	if (!header) return undefined;
	let timestamp: number | undefined;
	const signatures: string[] = [];
	for (const part of header.split(',')) {
		const [key, value] = part.trim().split('=', 2);
		if (key === 't' && /^\d{1,12}$/.test(value ?? '')) timestamp = Number(value);
		if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value ?? '')) signatures.push(value.toLowerCase());
	}
	if (timestamp === undefined || signatures.length === 0) return undefined;
	return { timestamp, signatures };
}

/** Builds the bytes that a delivery signature covers: `<t>.<raw body>`. */
export function signedPayload(timestamp: number, rawBody: Buffer | string): Buffer {
	const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
	return Buffer.concat([Buffer.from(`${timestamp}.`, 'utf8'), body]);
}

/** How far a delivery's timestamp may be from the receiver's clock, in seconds. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;
