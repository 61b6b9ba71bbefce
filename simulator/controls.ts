import type { Faults } from './faults';
import type {
	DeliveryAttempt,
	OpenChannel,
	Order,
	Payment,
	PaymentMethod,
	PaymentStatus,
	Quote,
	RecordedRequest,
	Rfq,
	WebhookEventRecord,
	WebhookSubscriptionRecord,
} from './models';
import type { RfqDraft } from './rfqs';

/** The buyer's actions, which the supplier API cannot reach; each emits the contract's events. */
export interface BuyerControls {
	postRfq(draft?: RfqDraft): Rfq;
	openQuote(quoteId: string, channel?: OpenChannel): Quote;
	acceptQuote(
		quoteId: string,
		options?: { paymentMethod?: PaymentMethod },
	): { quote: Quote; order: Order; payment: Payment | null };
	declineQuote(quoteId: string, reason?: string): Quote;
	expireQuote(quoteId: string): Quote;
	setPaymentStatus(paymentId: string, status: PaymentStatus): Payment;
}

/** Bulk records for paging tests. */
export interface SeedControls {
	rfqs(count: number, overrides?: RfqDraft): Rfq[];
	quotes(count: number): Quote[];
	orders(count: number): Order[];
	payments(count: number): Payment[];
}

/** A copy of everything the simulator stores, webhook secrets included but never the API key. */
export interface SimulatorState {
	rfqs: Rfq[];
	quotes: Quote[];
	orders: Order[];
	payments: Payment[];
	webhooks: WebhookSubscriptionRecord[];
	events: WebhookEventRecord[];
	deliveries: DeliveryAttempt[];
	requests: RecordedRequest[];
}

export interface SimulatorControls {
	buyer: BuyerControls;
	faults: Pick<Faults, 'failNext' | 'delayNext' | 'clear'>;
	seed: SeedControls;
	state(): SimulatorState;
	deliveryQueueIdle(): Promise<void>;
	/** Drops every object, event, delivery, request, fault and stored idempotent response, then seeds again. */
	reset(): void;
}
