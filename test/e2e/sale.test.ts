/**
 * The demo's sale, run as a test: a real n8n 2.41.1 with the packed package and the example
 * workflows, against the simulator. Needs a build (dist/), which `npm run test:e2e` makes first.
 * On a cold cache the setup first installs Node 24 and n8n: 3 GB and several minutes.
 */
import path from 'node:path';

import { runningProcessIds, stopAllProcesses } from '../../scripts/demo/child-processes';
import { startDemoEnvironment, type DemoEnvironment } from '../../scripts/demo/demo-environment';
import type { ExampleWorkflowKey } from '../../scripts/demo/example-workflows';
import {
	collectSaleOutcome,
	takeBaseline,
	type SaleOutcome,
} from '../../scripts/demo/sale-outcome';
import {
	BUYER_DECLINE_REASON,
	playSale,
	type SaleScenario,
} from '../../scripts/demo/sale-scenario';
import { waitUntil } from '../../scripts/demo/wait-until';
import { LIST_SORT, PATH } from '../../nodes/shared/transport/wire';
import type { RecordedRequest } from '../../simulator';
import { listeningSockets, processGroupMembers } from './listeningSockets';

const SETUP_TIMEOUT_MS = 15 * 60_000;
const SCENARIO_TIMEOUT_MS = 3 * 60_000;

/**
 * Poll Trigger newRfq, then a Set node. n8n 2.41.1 rejects a poll time that fires more than once
 * a minute, but it checks each poll time alone, so the fixture's four poll times (seconds 0, 15,
 * 30 and 45 of every minute) poll every 15 seconds.
 */
const POLL_WORKFLOW_FILE = path.join(__dirname, 'fixtures', 'new-rfqs-by-polling.json');
const POLL_WORKFLOW_ID = 'amE2eNewRfqPolling';
/** Maximum wait for one poll: the 15 s poll spacing plus a margin for a slow machine. */
const POLL_WAIT_MS = 35_000;

let environment: DemoEnvironment | undefined;

function report(line: string): void {
	// Straight to stderr, so that a cold cache's install progress shows while jest runs.
	process.stderr.write(`e2e setup: ${line}\n`);
}

function requireEnvironment(): DemoEnvironment {
	if (!environment) throw new Error('The demo environment did not start; see beforeAll');
	return environment;
}

async function play(scenario: SaleScenario): Promise<SaleOutcome> {
	const current = requireEnvironment();
	const baseline = await takeBaseline(current);
	const ids = await playSale(current, scenario, baseline, () => {});
	return await collectSaleOutcome(current, ids, baseline);
}

function executionCounts(outcome: SaleOutcome): Partial<Record<ExampleWorkflowKey, number>> {
	const counts: Partial<Record<ExampleWorkflowKey, number>> = {};
	for (const execution of outcome.executions) {
		const key = execution.workflowKey;
		if (key) counts[key] = (counts[key] ?? 0) + 1;
	}
	return counts;
}

function deliveredTypes(outcome: SaleOutcome): string[] {
	return outcome.deliveries.map((delivery) => delivery.type).sort();
}

/** Returns the API requests the nodes made, with record ids replaced by a placeholder. */
function nodeRequests(outcome: SaleOutcome): string[] {
	return outcome.requests.map((request) => request.replace(/\/(qt|ord|pay)_[^/ ]+/, '/$1_ID'));
}

function expectEachEventAnsweredOnce(outcome: SaleOutcome): void {
	for (const delivery of outcome.deliveries) {
		expect([delivery.type, delivery.statuses]).toEqual([delivery.type, [200]]);
	}
}

function expectExecutionsSucceeded(outcome: SaleOutcome): void {
	for (const execution of outcome.executions) {
		expect([execution.workflowName, execution.status]).toEqual([execution.workflowName, 'success']);
	}
}

/** Every event of a sale that reaches payment, sorted: parallel deliveries finish in any order. */
const FULL_SALE_EVENTS = [
	'rfq.received',
	'quote.opened',
	'quote.accepted',
	'order.received',
	'payment.created',
	'order.payment_assigned',
	'payment.status_updated',
].sort();

beforeAll(async () => {
	environment = await startDemoEnvironment({
		report,
		unpublishedWorkflowFiles: [POLL_WORKFLOW_FILE],
	});
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
	await environment?.stop();
	environment = undefined;
	await stopAllProcesses();
}, 60_000);

describe('demo environment', () => {
	test('listens on loopback only', () => {
		const serverPid = requireEnvironment().n8n.serverPid;
		expect(serverPid).toBeDefined();

		const pids = [...processGroupMembers(serverPid as number), process.pid];
		const sockets = listeningSockets(pids);
		const ports = sockets.map((socket) => socket.port);
		expect(ports).toContain(requireEnvironment().n8n.settings.port);
		expect(ports).toContain(requireEnvironment().simulator.port);
		for (const socket of sockets) {
			expect([socket.address, socket.port]).toEqual(['127.0.0.1', socket.port]);
		}
	});

	test('registers one webhook per trigger', () => {
		const current = requireEnvironment();
		const webhooks = current.simulator.state().webhooks;
		const events = webhooks.map((webhook) => [...webhook.events].sort().join(',')).sort();

		expect(webhooks).toHaveLength(4);
		for (const webhook of webhooks) {
			expect(webhook.url.startsWith(`${current.n8n.baseUrl}/webhook/`)).toBe(true);
		}
		expect(events).toEqual(
			[
				'rfq.received',
				'order.received',
				'payment.created',
				'order.payment_assigned,payment.status_updated,quote.accepted,quote.declined,quote.expired,quote.opened',
			].sort(),
		);
	});
});

describe('sale through n8n', () => {
	test(
		'bank transfer sale completes',
		async () => {
			const outcome = await play('sale');

			expect(outcome.quote?.status).toBe('accepted');
			expect(outcome.order?.status).toBe('shipped');
			expect(outcome.order?.trackingUrl).toBe(
				`https://tracking.example.com/parcels/${outcome.order?.number}`,
			);
			expect(outcome.payment?.method).toBe('bank_transfer');
			expect(outcome.payment?.status).toBe('paid');
			expect(nodeRequests(outcome)).toEqual([
				'POST /quotes 201',
				'POST /quotes/qt_ID/send 200',
				'POST /orders/ord_ID/accept 200',
				'PUT /orders/ord_ID/shipping 200',
				'PATCH /payments/pay_ID 200',
			]);
			expect(deliveredTypes(outcome)).toEqual(FULL_SALE_EVENTS);
			expectEachEventAnsweredOnce(outcome);
			expect(executionCounts(outcome)).toEqual({
				rfqToQuote: 1,
				orderFulfilment: 1,
				payments: 1,
				saleActivity: 4,
			});
			expectExecutionsSucceeded(outcome);
			expect(outcome.checks.filter((check) => !check.passed)).toEqual([]);
		},
		SCENARIO_TIMEOUT_MS,
	);

	test(
		'stripe sale skips manual payment',
		async () => {
			const outcome = await play('stripeSale');

			expect(outcome.quote?.status).toBe('accepted');
			expect(outcome.order?.status).toBe('shipped');
			expect(outcome.payment?.method).toBe('stripe');
			expect(outcome.payment?.status).toBe('paid');
			// The payments workflow's Bank Transfer? branch must leave a Stripe payment alone.
			expect(nodeRequests(outcome)).toEqual([
				'POST /quotes 201',
				'POST /quotes/qt_ID/send 200',
				'POST /orders/ord_ID/accept 200',
				'PUT /orders/ord_ID/shipping 200',
			]);
			expect(deliveredTypes(outcome)).toEqual(FULL_SALE_EVENTS);
			expectEachEventAnsweredOnce(outcome);
			expect(executionCounts(outcome)).toEqual({
				rfqToQuote: 1,
				orderFulfilment: 1,
				payments: 1,
				saleActivity: 4,
			});
			expectExecutionsSucceeded(outcome);
			expect(outcome.checks.filter((check) => !check.passed)).toEqual([]);
		},
		SCENARIO_TIMEOUT_MS,
	);

	test(
		'declined quote makes no order',
		async () => {
			const outcome = await play('quoteDeclined');
			const state = requireEnvironment().simulator.state();

			expect(outcome.quote?.status).toBe('declined');
			expect(outcome.order).toBeUndefined();
			expect(state.orders.filter((order) => order.quoteId === outcome.ids.quoteId)).toEqual([]);
			expect(state.quotes.find((quote) => quote.id === outcome.ids.quoteId)?.declineReason).toBe(
				BUYER_DECLINE_REASON,
			);
			expect(nodeRequests(outcome)).toEqual(['POST /quotes 201', 'POST /quotes/qt_ID/send 200']);
			expect(deliveredTypes(outcome)).toEqual(
				['rfq.received', 'quote.opened', 'quote.declined'].sort(),
			);
			expectEachEventAnsweredOnce(outcome);
			expect(executionCounts(outcome)).toEqual({ rfqToQuote: 1, saleActivity: 2 });
			expectExecutionsSucceeded(outcome);
			expect(outcome.checks.filter((check) => !check.passed)).toEqual([]);
		},
		SCENARIO_TIMEOUT_MS,
	);

	test(
		'short stock declines order',
		async () => {
			const outcome = await play('orderDeclined');
			const state = requireEnvironment().simulator.state();

			expect(outcome.quote?.status).toBe('accepted');
			expect(outcome.order?.status).toBe('declined');
			expect(outcome.order?.declineReason).toMatch(/stock/i);
			expect(outcome.payment).toBeUndefined();
			expect(state.payments.filter((payment) => payment.orderId === outcome.ids.orderId)).toEqual(
				[],
			);
			expect(nodeRequests(outcome)).toEqual([
				'POST /quotes 201',
				'POST /quotes/qt_ID/send 200',
				'POST /orders/ord_ID/decline 200',
			]);
			expect(deliveredTypes(outcome)).toEqual(
				['rfq.received', 'quote.opened', 'quote.accepted', 'order.received'].sort(),
			);
			expectEachEventAnsweredOnce(outcome);
			expect(executionCounts(outcome)).toEqual({
				rfqToQuote: 1,
				orderFulfilment: 1,
				saleActivity: 2,
			});
			expectExecutionsSucceeded(outcome);
			expect(outcome.checks.filter((check) => !check.passed)).toEqual([]);
		},
		SCENARIO_TIMEOUT_MS,
	);
});

/** The simulator's requests listing received RFQs from index `from` on, each with its index. */
function rfqListRequests(from: number): Array<{ index: number; request: RecordedRequest }> {
	const requests = requireEnvironment().simulator.state().requests;
	return requests
		.map((request, index) => ({ index, request }))
		.filter(({ index, request }) => {
			return index >= from && request.method === 'GET' && request.path === PATH.rfqs('received');
		});
}

/** Waits for a poll that walks the list oldest first, made at request index `from` or later. */
async function waitForPoll(description: string, from: number): Promise<number> {
	return await waitUntil(
		description,
		() =>
			rfqListRequests(from).find(
				({ request }) => request.query.sort === LIST_SORT.createdOldestFirst,
			)?.index,
		{ timeoutMs: POLL_WAIT_MS },
	);
}

async function pollExecutions() {
	const executions = await requireEnvironment().n8nRest.listExecutions();
	return executions.filter((execution) => execution.workflowId === POLL_WORKFLOW_ID);
}

// Runs after the sales, whose RFQs exist before the poll workflow is published and so are never emitted.
describe('poll trigger through n8n', () => {
	afterAll(async () => {
		await environment?.n8nRest.deactivateWorkflow(POLL_WORKFLOW_ID);
	});

	test(
		'new RFQ emitted once',
		async () => {
			const current = requireEnvironment();
			const existingRfqs = current.simulator.state().rfqs.length;
			const start = current.simulator.state().requests.length;

			// Publishing runs the first poll at once: it places the cursor after the newest RFQ.
			await current.n8nRest.activateWorkflow(POLL_WORKFLOW_ID);
			const firstPoll = await waitUntil(
				'the first poll, which reads the newest RFQs',
				() => {
					const found = rfqListRequests(start);
					return found.length > 0 ? found : undefined;
				},
				{ timeoutMs: POLL_WAIT_MS },
			);
			expect(firstPoll.map(({ request }) => request.query.sort)).toEqual([
				LIST_SORT.createdNewestFirst,
			]);
			expect(existingRfqs).toBeGreaterThan(0);

			const rfq = current.simulator.buyer.postRfq();
			const afterPost = current.simulator.state().requests.length;
			await waitForPoll('the first scheduled poll after the RFQ', afterPost);
			const executions = await waitUntil(
				'one finished execution of the poll workflow',
				async () => {
					const found = await pollExecutions();
					return found.length > 0 && found.every((execution) => execution.stoppedAt !== '')
						? found
						: undefined;
				},
				{ timeoutMs: POLL_WAIT_MS },
			);

			expect(executions.map((execution) => execution.status)).toEqual(['success']);
			expect(executions[0].mode).toBe('trigger');
			const emitted = await current.n8nRest.readNodeOutput(executions[0].id, 'On New RFQ');
			// The RFQ-to-quote workflow may quote the RFQ before the poll, which changes its status.
			expect(emitted).toHaveLength(1);
			expect(emitted?.[0]).toMatchObject({
				id: rfq.id,
				number: rfq.number,
				createdAt: rfq.createdAt,
				buyer: rfq.buyer,
				items: rfq.items,
			});
			const shaped = await current.n8nRest.readNodeOutput(executions[0].id, 'Shape for ERP');
			expect(shaped).toEqual([
				{
					rfqNumber: rfq.number,
					customer: rfq.buyer.companyName,
					lineCount: rfq.items.length,
				},
			]);

			// A further poll finds nothing new, so n8n starts no execution.
			const afterExecution = current.simulator.state().requests.length;
			await waitForPoll('a further scheduled poll', afterExecution);
			await new Promise((resolve) => setTimeout(resolve, 1_000));
			expect((await pollExecutions()).map((execution) => execution.id)).toEqual([executions[0].id]);
		},
		SCENARIO_TIMEOUT_MS,
	);
});

describe('cleanup', () => {
	test('stop leaves no process', async () => {
		const current = requireEnvironment();
		const serverPid = current.n8n.serverPid as number;
		await current.stop();
		environment = undefined;

		expect(runningProcessIds()).toEqual([]);
		expect(processGroupMembers(serverPid)).toEqual([]);
	}, 60_000);
});
