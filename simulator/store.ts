import { notFound } from './apiError';
import type { Clock } from './clock';
import { formatNumber } from './ids';
import type {
	DeliveryAttempt,
	Order,
	Payment,
	Quote,
	QuoteOpen,
	RecordedRequest,
	Rfq,
	WebhookEventRecord,
	WebhookSubscriptionRecord,
} from './models';

type NumberedKind = 'rfq' | 'quote' | 'order';

const NUMBER_PREFIX: Record<NumberedKind, string> = { rfq: 'RFQ', quote: 'QT', order: 'ORD' };

/** The simulator's in-memory data: every object, event, delivery attempt and API request. */
export class Store {
	readonly rfqs = new Map<string, Rfq>();
	readonly quotes = new Map<string, Quote>();
	readonly orders = new Map<string, Order>();
	readonly payments = new Map<string, Payment>();
	readonly webhooks = new Map<string, WebhookSubscriptionRecord>();
	readonly quoteOpens = new Map<string, QuoteOpen[]>();
	readonly events: WebhookEventRecord[] = [];
	readonly deliveries: DeliveryAttempt[] = [];
	readonly requests: RecordedRequest[] = [];
	private readonly sequences: Record<NumberedKind, number> = { rfq: 0, quote: 0, order: 0 };

	constructor(private readonly clock: Clock) {}

	/** Empties every collection and restarts the number sequences. */
	clear(): void {
		this.rfqs.clear();
		this.quotes.clear();
		this.orders.clear();
		this.payments.clear();
		this.webhooks.clear();
		this.quoteOpens.clear();
		this.events.length = 0;
		this.deliveries.length = 0;
		this.requests.length = 0;
		this.sequences.rfq = 0;
		this.sequences.quote = 0;
		this.sequences.order = 0;
	}

	/** Returns the next human-facing number of a kind, such as `QT-2026-00001`. */
	nextNumber(kind: NumberedKind): string {
		this.sequences[kind] += 1;
		return formatNumber(NUMBER_PREFIX[kind], this.clock().getUTCFullYear(), this.sequences[kind]);
	}

	/** Moves a number sequence past a number that already exists, such as a fixture's. */
	reserveNumber(kind: NumberedKind, number: string): void {
		const match = /-(\d+)$/.exec(number);
		if (match) this.sequences[kind] = Math.max(this.sequences[kind], Number(match[1]));
	}

	getRfq(id: string): Rfq {
		const rfq = this.rfqs.get(id);
		if (!rfq) throw notFound('rfq', id);
		return rfq;
	}

	getQuote(id: string): Quote {
		const quote = this.quotes.get(id);
		if (!quote) throw notFound('quote', id);
		return quote;
	}

	getOrder(id: string): Order {
		const order = this.orders.get(id);
		if (!order) throw notFound('order', id);
		return order;
	}

	getPayment(id: string): Payment {
		const payment = this.payments.get(id);
		if (!payment) throw notFound('payment', id);
		return payment;
	}

	getWebhook(id: string): WebhookSubscriptionRecord {
		const webhook = this.webhooks.get(id);
		if (!webhook) throw notFound('webhook', id);
		return webhook;
	}
}
