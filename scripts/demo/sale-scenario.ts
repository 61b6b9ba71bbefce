/**
 * The buyer's side of a sale, played on the simulator while n8n's example workflows do the
 * supplier's side. Each step waits for the workflows' effect before the buyer acts again.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { Order, Rfq, RfqDraft } from '../../simulator';
import type { DemoEnvironment } from './demo-environment';
import { FailedExecutionWatch } from './execution-watch';
import { findRepositoryRoot } from './repository-root';
import type { SaleBaseline } from './sale-outcome';
import { ShutdownRequestedError } from './shutdown';
import { waitUntil } from './wait-until';

/**
 * sale: the buyer accepts the quote and pays by bank transfer, which the payments workflow
 * marks paid. stripeSale: the buyer pays with Stripe, which settles the payment without the
 * workflow. quoteDeclined: the buyer declines the quote. orderDeclined: the RFQ requests more
 * units than the order fulfilment workflow's stock rule allows, so the workflow declines it.
 */
export type SaleScenario = 'sale' | 'stripeSale' | 'quoteDeclined' | 'orderDeclined';

export const SALE_SCENARIOS: readonly SaleScenario[] = [
	'sale',
	'stripeSale',
	'quoteDeclined',
	'orderDeclined',
];

/** Quantity per line that the order fulfilment example workflow's stock rule rejects. */
export const QUANTITY_ABOVE_STOCK = 25;

export const BUYER_DECLINE_REASON = 'Found a closer supplier';

/** How long one step may take: a webhook delivery plus one n8n execution. */
const STEP_TIMEOUT_MS = 60_000;

export interface SaleRecordIds {
	scenario: SaleScenario;
	rfqId: string;
	/** Missing when the scenario failed before the workflow sent a quote. */
	quoteId?: string;
	orderId?: string;
	paymentId?: string;
}

/** A failed step, with the ids of the records the scenario had made until then. */
export class SaleStepError extends Error {
	constructor(
		message: string,
		readonly ids: SaleRecordIds,
	) {
		super(message);
		this.name = 'SaleStepError';
	}
}

/**
 * Plays one scenario and returns the ids of the records it made. A step fails at its timeout,
 * or as soon as an n8n execution started after `baseline` fails.
 */
export async function playSale(
	environment: DemoEnvironment,
	scenario: SaleScenario,
	baseline: SaleBaseline,
	print: (line: string) => void,
): Promise<SaleRecordIds> {
	// Buyer lines come before the buyer's action, so that the action's effects print after them.
	const draft = rfqDraftFor(scenario);
	const lines = (draft.items ?? []).map((item) => `${item.quantity} x ${item.partNumber}`);
	print(`buyer    posts an RFQ from ${draft.buyer?.companyName}: ${lines.join(', ')}`);
	const rfq = environment.simulator.buyer.postRfq(draft);

	const ids: SaleRecordIds = { scenario, rfqId: rfq.id };
	const watch = new FailedExecutionWatch(environment.n8nRest, baseline.executionIds);
	try {
		await playAfterRfq(environment, rfq, ids, watch, print);
	} catch (error) {
		if (error instanceof ShutdownRequestedError) throw error;
		throw new SaleStepError((error as Error).message, ids);
	}
	return ids;
}

/** Waits for a step's effect on the simulator, ending early when a workflow run fails. */
async function waitForStep<T>(
	description: string,
	watch: FailedExecutionWatch,
	find: () => T | undefined,
): Promise<T> {
	return await waitUntil(
		description,
		async () => {
			const found = find();
			if (found !== undefined) return found;
			await watch.check();
			return undefined;
		},
		{ timeoutMs: STEP_TIMEOUT_MS, intervalMs: 50 },
	);
}

async function playAfterRfq(
	environment: DemoEnvironment,
	rfq: Rfq,
	ids: SaleRecordIds,
	watch: FailedExecutionWatch,
	print: (line: string) => void,
): Promise<void> {
	const { simulator } = environment;

	const quote = await waitForStep(
		`a sent quote for ${rfq.number} (workflow "RFQ to quote")`,
		watch,
		() => simulator.state().quotes.find((q) => q.rfqId === rfq.id && q.status === 'sent'),
	);
	ids.quoteId = quote.id;
	print(`supplier quote ${quote.number} sent: ${quote.total} ${quote.currency}`);

	print(`buyer    opens ${quote.number} in the portal`);
	simulator.buyer.openQuote(quote.id, 'portal');

	if (ids.scenario === 'quoteDeclined') {
		print(`buyer    declines ${quote.number}: ${BUYER_DECLINE_REASON}`);
		simulator.buyer.declineQuote(quote.id, BUYER_DECLINE_REASON);
		await simulator.deliveryQueueIdle();
		return;
	}

	const paymentMethod = ids.scenario === 'stripeSale' ? 'stripe' : 'bank_transfer';
	const methodLabel = paymentMethod === 'stripe' ? 'Stripe' : 'bank transfer';
	print(`buyer    accepts ${quote.number} and pays by ${methodLabel}`);
	const { order } = simulator.buyer.acceptQuote(quote.id, { paymentMethod });
	ids.orderId = order.id;

	await followOrder(environment, order, ids, watch, print);
	await simulator.deliveryQueueIdle();
}

/** Waits for the order fulfilment workflow, then for the payment to be paid. */
async function followOrder(
	environment: DemoEnvironment,
	order: Order,
	ids: SaleRecordIds,
	watch: FailedExecutionWatch,
	print: (line: string) => void,
): Promise<void> {
	const { simulator } = environment;

	if (ids.scenario === 'orderDeclined') {
		await waitForStep(`order ${order.number} declined (workflow "order fulfilment")`, watch, () =>
			findOrder(environment, order.id, 'declined'),
		);
		print(`supplier declines ${order.number}: stock is short`);
		return;
	}

	const shipped = await waitForStep(
		`order ${order.number} shipped (workflow "order fulfilment")`,
		watch,
		() => findOrder(environment, order.id, 'shipped'),
	);
	print(`supplier ships ${order.number}: ${String(shipped.shipping.trackingUrl)}`);

	if (ids.scenario === 'stripeSale') {
		// Stripe settles the payment itself: the payments workflow must leave it alone, so the
		// buyer's side marks it paid once n8n has seen payment.created.
		const pending = await waitForStep(`the Stripe payment of ${order.number}`, watch, () => {
			const paymentId = findOrder(environment, order.id)?.paymentId;
			return simulator.state().payments.find((p) => p.id === paymentId);
		});
		ids.paymentId = pending.id;
		await simulator.deliveryQueueIdle();
		print(`stripe   settles payment ${pending.id}: ${pending.amount} ${pending.currency}`);
		simulator.buyer.setPaymentStatus(pending.id, 'paid');
		return;
	}

	const payment = await waitForStep(
		`the payment of ${order.number} marked paid (workflow "payments")`,
		watch,
		() => {
			const paymentId = findOrder(environment, order.id)?.paymentId;
			return simulator.state().payments.find((p) => p.id === paymentId && p.status === 'paid');
		},
	);
	ids.paymentId = payment.id;
	print(`supplier marks payment ${payment.id} paid: ${payment.amount} ${payment.currency}`);
}

function findOrder(environment: DemoEnvironment, orderId: string, status?: string) {
	const order = environment.simulator.state().orders.find((o) => o.id === orderId);
	if (!order || (status !== undefined && order.status !== status)) return undefined;
	return order;
}

/** Builds the buyer's RFQ from the first fixture RFQ, with new ids, numbers and dates. */
function rfqDraftFor(scenario: SaleScenario): RfqDraft {
	const fixturesFile = path.join(findRepositoryRoot(), 'simulator', 'fixtures', 'rfqs.json');
	const [fixture] = JSON.parse(readFileSync(fixturesFile, 'utf8')) as Rfq[];
	return {
		direction: 'received',
		buyer: fixture.buyer,
		deliveryCountry: fixture.deliveryCountry,
		currency: fixture.currency,
		message: fixture.message,
		items: fixture.items.map((item) => ({
			partNumber: item.partNumber,
			brand: item.brand,
			quantity: scenario === 'orderDeclined' ? QUANTITY_ABOVE_STOCK : item.quantity,
			condition: item.condition,
			description: item.description,
			targetUnitPrice: item.targetUnitPrice,
		})),
	};
}
