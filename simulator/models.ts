import type {
	EventType,
	PartCondition,
	PAYMENT_METHODS,
	PAYMENT_STATUSES,
	ORDER_STATUSES,
	QUOTE_STATUSES,
	RFQ_STATUSES,
	RfqDirection,
} from '../nodes/shared/transport/wire';

export type RfqStatus = (typeof RFQ_STATUSES)[number];
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Fields every stored object has; lists filter and sort on them. */
export interface StoredRecord {
	id: string;
	createdAt: string;
	updatedAt: string;
}

export interface RfqItem {
	id: string;
	partNumber: string;
	brand: string;
	quantity: number;
	condition: PartCondition | null;
	description: string | null;
	targetUnitPrice: number | null;
}

export interface Rfq extends StoredRecord {
	number: string;
	direction: RfqDirection;
	status: RfqStatus;
	expiresAt: string | null;
	buyer: {
		companyName: string;
		contactName: string | null;
		email: string | null;
		country: string | null;
	};
	supplier: { companyName: string; country: string | null };
	deliveryCountry: string | null;
	currency: string;
	message: string | null;
	items: RfqItem[];
}

export interface QuoteItem {
	id: string;
	rfqItemId: string | null;
	partNumber: string;
	brand: string;
	quantity: number;
	unitPrice: number;
	condition: PartCondition | null;
	leadTimeDays: number | null;
	warrantyMonths: number | null;
	description: string | null;
}

export interface QuoteTracking {
	opened: boolean;
	openCount: number;
	firstOpenedAt: string | null;
	lastOpenedAt: string | null;
}

export type OpenChannel = 'portal' | 'email';

export interface QuoteOpen {
	channel: OpenChannel;
	openedAt: string;
}

export interface Quote extends StoredRecord {
	number: string;
	rfqId: string | null;
	status: QuoteStatus;
	sentAt: string | null;
	validUntil: string;
	currency: string;
	buyer: { companyName: string | null; email: string | null };
	items: QuoteItem[];
	shippingCost: number;
	paymentTerms: string | null;
	incoterms: string | null;
	notes: string | null;
	externalReference: string | null;
	subtotal: number;
	total: number;
	/** Set when the buyer declines; null otherwise. */
	declineReason: string | null;
	tracking: QuoteTracking;
}

export interface OrderShipping {
	trackingUrl: string | null;
	carrier: string | null;
	trackingNumber: string | null;
	shippedAt: string | null;
}

export interface Order extends StoredRecord {
	number: string;
	quoteId: string;
	rfqId: string | null;
	status: OrderStatus;
	paymentMethod: PaymentMethod;
	/** The payment assigned to the order; null until `order.payment_assigned`. */
	paymentId: string | null;
	currency: string;
	total: number;
	buyer: { companyName: string | null; email: string | null };
	items: QuoteItem[];
	declineReason: string | null;
	acceptedAt: string | null;
	note: string | null;
	estimatedShipDate: string | null;
	shipping: OrderShipping;
}

export interface Payment extends StoredRecord {
	orderId: string;
	method: PaymentMethod;
	status: PaymentStatus;
	amount: number;
	currency: string;
	paidAt: string | null;
}

export interface WebhookSubscriptionRecord extends StoredRecord {
	url: string;
	events: string[];
	description: string | null;
	secret: string;
}

export interface WebhookEventRecord {
	id: string;
	type: EventType;
	createdAt: string;
	data: Record<string, unknown>;
}

export interface DeliveryAttempt {
	eventId: string;
	type: EventType;
	webhookId: string;
	url: string;
	attempt: number;
	/** HTTP status of the receiver's response, or 0 when the connection failed or timed out. */
	status: number;
	error: string | null;
	at: string;
}

export interface RecordedRequest {
	method: string;
	/** Path relative to the API base (without `/v1`), as in the wire module's PATH. */
	path: string;
	query: Record<string, string>;
	body: unknown;
	idempotencyKey: string | null;
	status: number;
	at: string;
}

/** Deep copy, so that callers can never change stored records through a returned object. */
export function clone<T>(value: T): T {
	return structuredClone(value);
}
