import type { SimulatorControls } from '../controls';
import {
	acceptQuoteSchema,
	buyerPaymentStatusSchema,
	declineQuoteSchema,
	faultsSchema,
	openQuoteSchema,
	rfqDraftSchema,
	seedSchema,
} from '../schemas';
import { parseBody } from '../validation';
import { Router } from './router';

/**
 * Builds the admin routes, mounted under `/_admin`: the buyer's actions, faults, seeding, state
 * and reset, for tests that drive the simulator from another process. They need no API key.
 */
export function createAdminRouter(controls: SimulatorControls): Router {
	const router = new Router();

	router.add('POST', '/rfqs', (request) => ({
		status: 201,
		body: controls.buyer.postRfq(parseBody(rfqDraftSchema, request.body)),
	}));
	router.add('POST', '/quotes/:quoteId/open', (request) => {
		const { channel } = parseBody(openQuoteSchema, request.body);
		return { status: 200, body: controls.buyer.openQuote(request.params.quoteId, channel) };
	});
	router.add('POST', '/quotes/:quoteId/accept', (request) => {
		const { paymentMethod } = parseBody(acceptQuoteSchema, request.body);
		return {
			status: 200,
			body: controls.buyer.acceptQuote(request.params.quoteId, {
				paymentMethod: paymentMethod ?? 'bank_transfer',
			}),
		};
	});
	router.add('POST', '/quotes/:quoteId/decline', (request) => {
		const { reason } = parseBody(declineQuoteSchema, request.body);
		return { status: 200, body: controls.buyer.declineQuote(request.params.quoteId, reason) };
	});
	router.add('POST', '/quotes/:quoteId/expire', (request) => ({
		status: 200,
		body: controls.buyer.expireQuote(request.params.quoteId),
	}));
	router.add('POST', '/payments/:paymentId/status', (request) => {
		const { status } = parseBody(buyerPaymentStatusSchema, request.body);
		return { status: 200, body: controls.buyer.setPaymentStatus(request.params.paymentId, status) };
	});
	router.add('POST', '/faults', (request) => {
		const input = parseBody(faultsSchema, request.body);
		if (input.failNext) {
			const { count, status, retryAfterSeconds, afterProcessing } = input.failNext;
			controls.faults.failNext(count, status, { retryAfterSeconds, afterProcessing });
		}
		if (input.delayNext) controls.faults.delayNext(input.delayNext.count, input.delayNext.ms);
		return { status: 204 };
	});
	router.add('DELETE', '/faults', () => {
		controls.faults.clear();
		return { status: 204 };
	});
	router.add('POST', '/seed', (request) => {
		const { kind, count } = parseBody(seedSchema, request.body);
		return { status: 201, body: controls.seed[kind](count) };
	});
	router.add('GET', '/state', () => ({ status: 200, body: controls.state() }));
	router.add('POST', '/deliveries/idle', async () => {
		await controls.deliveryQueueIdle();
		return { status: 204 };
	});
	router.add('POST', '/reset', () => {
		controls.reset();
		return { status: 204 };
	});

	return router;
}
