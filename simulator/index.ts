import http from 'node:http';
import type { AddressInfo } from 'node:net';

import * as buyerActions from './buyer';
import { createMonotonicClock, type Clock } from './clock';
import type { SimulatorContext } from './context';
import type { BuyerControls, SeedControls, SimulatorControls, SimulatorState } from './controls';
import { EventPublisher } from './events';
import { Faults } from './faults';
import { createAdminRouter } from './http/adminRoutes';
import { createApiRouter } from './http/apiRoutes';
import { ADMIN_PREFIX, API_PREFIX, createRequestListener } from './http/server';
import { IdempotencyStore } from './idempotency';
import { clone } from './models';
import { loadFixtureRfqs, seedOrders, seedPayments, seedQuotes, seedRfqs } from './seed';
import { Store } from './store';
import { WebhookDelivery } from './webhookDelivery';

export type { SimulatorState, BuyerControls, SeedControls } from './controls';
export type * from './models';
export type { RfqDraft } from './rfqs';
export { signDelivery } from './webhookDelivery';

export interface SimulatorOptions {
	/** TCP port on 127.0.0.1. The default 0 picks a free port. */
	port?: number;
	/** The only API key the simulator accepts. Default `sim_test_key`. */
	apiKey?: string;
	/** Whether to store the fixture RFQs at start and after reset. Default true. */
	seed?: boolean;
	/** Waits before each webhook delivery retry, in ms. After the last one the delivery gives up. Default [100, 500, 2000]. */
	deliveryRetryDelaysMs?: number[];
	/** Time allowed for one delivery attempt. Default 5000 ms. */
	deliveryTimeoutMs?: number;
	/** Receives one line per request and per delivery attempt. Default: discard. */
	log?: (line: string) => void;
	/**
	 * The simulator's clock, used for every timestamp and for signature times. The default is
	 * wall-clock time made strictly increasing; a fixed clock makes records share timestamps.
	 */
	now?: Clock;
}

export interface Simulator extends SimulatorControls {
	/** Base URL of the API, such as `http://127.0.0.1:43123/v1`. */
	url: string;
	/** Base URL of the admin routes, such as `http://127.0.0.1:43123/_admin`. */
	adminUrl: string;
	apiKey: string;
	port: number;
	stop(): Promise<void>;
}

export const DEFAULT_API_KEY = 'sim_test_key';
export const DEFAULT_DELIVERY_RETRY_DELAYS_MS = [100, 500, 2000];

/** Starts the Automa.Net simulator on 127.0.0.1 and resolves once it is listening. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
	const clock = options.now ?? createMonotonicClock();
	const apiKey = options.apiKey ?? DEFAULT_API_KEY;
	const log = options.log ?? (() => undefined);
	const store = new Store(clock);
	const delivery = new WebhookDelivery(store, {
		retryDelaysMs: options.deliveryRetryDelaysMs ?? DEFAULT_DELIVERY_RETRY_DELAYS_MS,
		timeoutMs: options.deliveryTimeoutMs ?? 5000,
		clock,
		log,
	});
	const context: SimulatorContext = {
		store,
		clock,
		events: new EventPublisher(store, delivery, clock),
	};
	const faults = new Faults();
	const idempotency = new IdempotencyStore(clock);

	const seedFixtures = (): void => {
		if (options.seed !== false) loadFixtureRfqs(context);
	};
	seedFixtures();

	const buyer: BuyerControls = {
		postRfq: (draft) => clone(buyerActions.postRfq(context, draft)),
		openQuote: (quoteId, channel = 'portal') =>
			clone(buyerActions.openQuote(context, quoteId, channel)),
		acceptQuote: (quoteId, acceptOptions = {}) =>
			clone(
				buyerActions.acceptQuote(context, quoteId, acceptOptions.paymentMethod ?? 'bank_transfer'),
			),
		declineQuote: (quoteId, reason = 'The buyer chose another offer') =>
			clone(buyerActions.declineQuote(context, quoteId, reason)),
		expireQuote: (quoteId) => clone(buyerActions.expireQuote(context, quoteId)),
		setPaymentStatus: (paymentId, status) =>
			clone(buyerActions.setPaymentStatusByBuyer(context, paymentId, status)),
	};
	const seed: SeedControls = {
		rfqs: (count, overrides) => clone(seedRfqs(context, count, overrides)),
		quotes: (count) => clone(seedQuotes(context, count)),
		orders: (count) => clone(seedOrders(context, count)),
		payments: (count) => clone(seedPayments(context, count)),
	};
	const state = (): SimulatorState =>
		clone({
			rfqs: [...store.rfqs.values()],
			quotes: [...store.quotes.values()],
			orders: [...store.orders.values()],
			payments: [...store.payments.values()],
			webhooks: [...store.webhooks.values()],
			events: store.events,
			deliveries: store.deliveries,
			requests: store.requests,
		});
	const reset = (): void => {
		store.clear();
		faults.clear();
		idempotency.clear();
		seedFixtures();
	};

	const timers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
	const trackTimer = (ms: number): Promise<void> =>
		new Promise((resolve) => {
			const entry = {
				timer: setTimeout(() => {
					timers.delete(entry);
					resolve();
				}, ms),
				resolve,
			};
			timers.add(entry);
		});

	const controls: SimulatorControls = {
		buyer,
		faults,
		seed,
		state,
		deliveryQueueIdle: () => delivery.idle(),
		reset,
	};
	const server = http.createServer(
		createRequestListener({
			apiRouter: createApiRouter(context, delivery),
			adminRouter: createAdminRouter(controls),
			apiKey,
			faults,
			idempotency,
			store,
			clock,
			log,
			trackTimer,
		}),
	);
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = (server.address() as AddressInfo).port;
	const origin = `http://127.0.0.1:${port}`;

	let stopping: Promise<void> | undefined;
	const stop = (): Promise<void> => {
		stopping ??= new Promise<void>((resolve) => {
			delivery.stop();
			for (const entry of timers) clearTimeout(entry.timer);
			timers.clear();
			server.close(() => resolve());
			server.closeAllConnections();
		});
		return stopping;
	};

	return {
		...controls,
		url: `${origin}${API_PREFIX}`,
		adminUrl: `${origin}${ADMIN_PREFIX}`,
		apiKey,
		port,
		stop,
	};
}
