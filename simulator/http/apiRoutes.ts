import {
	ORDER_STATUSES,
	PATH,
	PAYMENT_STATUSES,
	QUOTE_STATUSES,
	RFQ_STATUSES,
	type RfqDirection,
} from '../../nodes/shared/transport/wire';
import type { SimulatorContext } from '../context';
import { createId, createSigningSecret } from '../ids';
import { buildListPage, matchesSearch, parseListQuery } from '../listing';
import { clone, type Order, type Quote, type WebhookSubscriptionRecord } from '../models';
import { acceptOrder, declineOrder, updateShipping } from '../orders';
import { setPaymentStatusBySupplier } from '../payments';
import { createQuote, quoteTracking, replaceQuote, sendQuote } from '../quotes';
import {
	acceptOrderSchema,
	declineOrderSchema,
	paymentStatusSchema,
	quoteInputSchema,
	sendQuoteSchema,
	shippingSchema,
	webhookCreateSchema,
} from '../schemas';
import { parseBody } from '../validation';
import type { WebhookDelivery } from '../webhookDelivery';
import { Router, type RouteResult } from './router';

/** The account the simulator's API key belongs to, returned by GET /me. */
export const SIMULATED_ACCOUNT = {
	id: 'acc_sim0000000001',
	companyName: 'Example Automation Parts Sp. z o.o.',
	email: 'sales@example-automation.example',
};

function ok(body: unknown, status = 200): RouteResult {
	return { status, body: clone(body) };
}

function quoteSearchTexts(record: Quote | Order): Array<string | null> {
	return [
		record.number,
		record.buyer.companyName,
		...record.items.flatMap((item) => [item.partNumber, item.brand]),
	];
}

/** Removes the signing secret, which only the create response shows. */
function publicWebhook(
	webhook: WebhookSubscriptionRecord,
): Omit<WebhookSubscriptionRecord, 'secret'> {
	const { secret: _secret, ...visible } = webhook;
	return visible;
}

/**
 * Builds the routes of the supplier API, mounted under `/v1`. Route patterns follow the wire
 * module's PATH builders with `:name` in place of each id.
 */
export function createApiRouter(context: SimulatorContext, delivery: WebhookDelivery): Router {
	const { store } = context;
	const router = new Router();

	router.add('GET', PATH.me, () => ok(SIMULATED_ACCOUNT));

	// RFQs
	for (const direction of ['received', 'sent'] as RfqDirection[]) {
		router.add('GET', PATH.rfqs(direction), (request) => {
			const query = parseListQuery(request.query, RFQ_STATUSES);
			return ok(
				buildListPage([...store.rfqs.values()], query, (rfq) => {
					if (rfq.direction !== direction) return false;
					if (query.status && rfq.status !== query.status) return false;
					return matchesSearch(query.search, [
						rfq.number,
						rfq.buyer.companyName,
						...rfq.items.flatMap((item) => [item.partNumber, item.brand]),
					]);
				}),
			);
		});
	}
	router.add('GET', PATH.rfq(':rfqId'), (request) => ok(store.getRfq(request.params.rfqId)));

	// Quotes
	router.add('POST', PATH.quotes, (request) =>
		ok(createQuote(context, parseBody(quoteInputSchema, request.body)), 201),
	);
	router.add('GET', PATH.quotes, (request) => {
		const query = parseListQuery(request.query, QUOTE_STATUSES);
		return ok(
			buildListPage([...store.quotes.values()], query, (quote) => {
				if (query.status && quote.status !== query.status) return false;
				if (query.rfqId && quote.rfqId !== query.rfqId) return false;
				return matchesSearch(query.search, quoteSearchTexts(quote));
			}),
		);
	});
	router.add('GET', PATH.quote(':quoteId'), (request) =>
		ok(store.getQuote(request.params.quoteId)),
	);
	router.add('PUT', PATH.quote(':quoteId'), (request) => {
		store.getQuote(request.params.quoteId);
		return ok(
			replaceQuote(context, request.params.quoteId, parseBody(quoteInputSchema, request.body)),
		);
	});
	router.add('POST', PATH.quoteSend(':quoteId'), (request) => {
		store.getQuote(request.params.quoteId);
		parseBody(sendQuoteSchema, request.body);
		return ok(sendQuote(context, request.params.quoteId));
	});
	router.add('GET', PATH.quoteTracking(':quoteId'), (request) =>
		ok(quoteTracking(context, request.params.quoteId)),
	);

	// Orders
	router.add('GET', PATH.orders, (request) => {
		const query = parseListQuery(request.query, ORDER_STATUSES);
		return ok(
			buildListPage([...store.orders.values()], query, (order) => {
				if (query.status && order.status !== query.status) return false;
				if (query.rfqId && order.rfqId !== query.rfqId) return false;
				return matchesSearch(query.search, quoteSearchTexts(order));
			}),
		);
	});
	router.add('GET', PATH.order(':orderId'), (request) =>
		ok(store.getOrder(request.params.orderId)),
	);
	router.add('POST', PATH.orderAccept(':orderId'), (request) => {
		store.getOrder(request.params.orderId);
		return ok(
			acceptOrder(context, request.params.orderId, parseBody(acceptOrderSchema, request.body)),
		);
	});
	router.add('POST', PATH.orderDecline(':orderId'), (request) => {
		store.getOrder(request.params.orderId);
		const { reason } = parseBody(declineOrderSchema, request.body);
		return ok(declineOrder(context, request.params.orderId, reason));
	});
	router.add('PUT', PATH.orderShipping(':orderId'), (request) => {
		store.getOrder(request.params.orderId);
		return ok(
			updateShipping(context, request.params.orderId, parseBody(shippingSchema, request.body)),
		);
	});

	// Payments
	router.add('GET', PATH.payments, (request) => {
		const query = parseListQuery(request.query, PAYMENT_STATUSES);
		return ok(
			buildListPage([...store.payments.values()], query, (payment) => {
				if (query.status && payment.status !== query.status) return false;
				if (query.orderId && payment.orderId !== query.orderId) return false;
				const order = store.orders.get(payment.orderId);
				return matchesSearch(query.search, order ? quoteSearchTexts(order) : []);
			}),
		);
	});
	router.add('GET', PATH.payment(':paymentId'), (request) =>
		ok(store.getPayment(request.params.paymentId)),
	);
	router.add('PATCH', PATH.payment(':paymentId'), (request) => {
		store.getPayment(request.params.paymentId);
		const { status } = parseBody(paymentStatusSchema, request.body);
		return ok(setPaymentStatusBySupplier(context, request.params.paymentId, status));
	});

	// Webhook subscriptions
	router.add('GET', PATH.webhooks, (request) => {
		const query = parseListQuery(request.query, []);
		return ok(
			buildListPage(
				[...store.webhooks.values()].map(publicWebhook) as WebhookSubscriptionRecord[],
				query,
				() => true,
			),
		);
	});
	router.add('POST', PATH.webhooks, (request) => {
		const input = parseBody(webhookCreateSchema, request.body);
		const now = context.clock().toISOString();
		const webhook: WebhookSubscriptionRecord = {
			id: createId('wh'),
			url: input.url,
			events: [...new Set(input.events)],
			description: input.description ?? null,
			secret: createSigningSecret(),
			createdAt: now,
			updatedAt: now,
		};
		store.webhooks.set(webhook.id, webhook);
		return ok(
			{
				id: webhook.id,
				url: webhook.url,
				events: webhook.events,
				description: webhook.description,
				secret: webhook.secret,
				createdAt: webhook.createdAt,
			},
			201,
		);
	});
	router.add('DELETE', PATH.webhook(':webhookId'), (request) => {
		const webhook = store.getWebhook(request.params.webhookId);
		store.webhooks.delete(webhook.id);
		delivery.forget(webhook.id);
		return { status: 204 };
	});

	return router;
}
