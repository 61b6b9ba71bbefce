/**
 * The buyer's side of a sale, played on the simulator while n8n's example workflows do the
 * supplier's side. Each step waits for the workflows' effect before the buyer acts again.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { Rfq, RfqDraft } from '../../simulator';
import type { DemoEnvironment } from './demo-environment';
import { findRepositoryRoot } from './repository-root';
import { waitUntil } from './wait-until';

/**
 * sale: the buyer accepts the quote and pays by bank transfer. quoteDeclined: the buyer
 * declines the quote. orderDeclined: the RFQ requests more units than the order fulfilment
 * workflow's stock rule allows, so the workflow declines the order.
 */
export type SaleScenario = 'sale' | 'quoteDeclined' | 'orderDeclined';

export const SALE_SCENARIOS: readonly SaleScenario[] = ['sale', 'quoteDeclined', 'orderDeclined'];

/** Quantity per line that the order fulfilment example workflow's stock rule rejects. */
export const QUANTITY_ABOVE_STOCK = 25;

export const BUYER_DECLINE_REASON = 'Found a closer supplier';

/** How long one step may take: a webhook delivery plus one n8n execution. */
const STEP_TIMEOUT_MS = 60_000;

export interface SaleRecordIds {
	scenario: SaleScenario;
	rfqId: string;
	quoteId: string;
	orderId?: string;
	paymentId?: string;
}

/** Plays one scenario and returns the ids of the records it made. */
export async function playSale(
	environment: DemoEnvironment,
	scenario: SaleScenario,
	print: (line: string) => void,
): Promise<SaleRecordIds> {
	const { simulator } = environment;

	const rfq = simulator.buyer.postRfq(rfqDraftFor(scenario));
	const lines = rfq.items.map((item) => `${item.quantity} x ${item.partNumber}`).join(', ');
	print(`buyer    posts ${rfq.number} from ${rfq.buyer.companyName}: ${lines}`);

	const quote = await waitUntil(
		`a sent quote for ${rfq.number} (workflow "RFQ to quote")`,
		() => simulator.state().quotes.find((q) => q.rfqId === rfq.id && q.status === 'sent'),
		{ timeoutMs: STEP_TIMEOUT_MS },
	);
	print(`supplier quote ${quote.number} sent: ${quote.total} ${quote.currency}`);

	simulator.buyer.openQuote(quote.id, 'portal');
	print(`buyer    opens ${quote.number} in the portal`);

	if (scenario === 'quoteDeclined') {
		simulator.buyer.declineQuote(quote.id, BUYER_DECLINE_REASON);
		print(`buyer    declines ${quote.number}: ${BUYER_DECLINE_REASON}`);
		await simulator.deliveryQueueIdle();
		return { scenario, rfqId: rfq.id, quoteId: quote.id };
	}

	const { order } = simulator.buyer.acceptQuote(quote.id, { paymentMethod: 'bank_transfer' });
	print(`buyer    accepts ${quote.number}, pays by bank transfer: order ${order.number}`);

	if (scenario === 'orderDeclined') {
		await waitUntil(
			`order ${order.number} declined (workflow "order fulfilment")`,
			() => findOrder(environment, order.id, 'declined'),
			{ timeoutMs: STEP_TIMEOUT_MS },
		);
		print(`supplier declines ${order.number}: stock is short`);
		await simulator.deliveryQueueIdle();
		return { scenario, rfqId: rfq.id, quoteId: quote.id, orderId: order.id };
	}

	const shipped = await waitUntil(
		`order ${order.number} shipped (workflow "order fulfilment")`,
		() => findOrder(environment, order.id, 'shipped'),
		{ timeoutMs: STEP_TIMEOUT_MS },
	);
	print(`supplier ships ${order.number}: ${String(shipped.shipping.trackingUrl)}`);

	const payment = await waitUntil(
		`the payment of ${order.number} marked paid (workflow "payments")`,
		() => {
			const paymentId = findOrder(environment, order.id)?.paymentId;
			return simulator.state().payments.find((p) => p.id === paymentId && p.status === 'paid');
		},
		{ timeoutMs: STEP_TIMEOUT_MS },
	);
	print(`supplier marks payment ${payment.id} paid: ${payment.amount} ${payment.currency}`);

	await simulator.deliveryQueueIdle();
	return {
		scenario,
		rfqId: rfq.id,
		quoteId: quote.id,
		orderId: order.id,
		paymentId: payment.id,
	};
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
