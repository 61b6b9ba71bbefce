/**
 * The result of one scenario: the final state of its records on the simulator, the webhook
 * deliveries and n8n executions it caused, and the checks that decide whether it went as the
 * example workflows intend.
 */
import type { DemoEnvironment } from './demo-environment';
import type { ExampleWorkflowKey } from './example-workflows';
import type { ExecutionSummary } from './n8n-rest-client';
import type { SaleRecordIds, SaleScenario } from './sale-scenario';
import { waitUntil } from './wait-until';

const EXECUTIONS_TIMEOUT_MS = 30_000;

/** Event types each scenario delivers to n8n, given the example workflows' subscriptions. */
export const EXPECTED_EVENTS: Record<SaleScenario, string[]> = {
	sale: [
		'rfq.received',
		'quote.opened',
		'quote.accepted',
		'order.received',
		'payment.created',
		'order.payment_assigned',
		'payment.status_updated',
	],
	stripeSale: [
		'rfq.received',
		'quote.opened',
		'quote.accepted',
		'order.received',
		'payment.created',
		'order.payment_assigned',
		'payment.status_updated',
	],
	quoteDeclined: ['rfq.received', 'quote.opened', 'quote.declined'],
	orderDeclined: ['rfq.received', 'quote.opened', 'quote.accepted', 'order.received'],
};

/** Executions each scenario causes, per example workflow: one per delivered event. */
export const EXPECTED_EXECUTIONS: Record<SaleScenario, Record<ExampleWorkflowKey, number>> = {
	sale: { rfqToQuote: 1, orderFulfilment: 1, payments: 1, saleActivity: 4 },
	stripeSale: { rfqToQuote: 1, orderFulfilment: 1, payments: 1, saleActivity: 4 },
	quoteDeclined: { rfqToQuote: 1, orderFulfilment: 0, payments: 0, saleActivity: 2 },
	orderDeclined: { rfqToQuote: 1, orderFulfilment: 1, payments: 0, saleActivity: 2 },
};

/** Start position of a scenario in the simulator's delivery log and n8n's execution list. */
export interface SaleBaseline {
	deliveryCount: number;
	requestCount: number;
	executionIds: Set<string>;
}

export interface EventDeliveries {
	eventId: string;
	type: string;
	/** HTTP status of each attempt, in order, or 0 when n8n sent no response. */
	statuses: number[];
}

export interface SaleCheck {
	name: string;
	passed: boolean;
	detail: string;
}

export interface SaleOutcome {
	ids: SaleRecordIds;
	rfq: { number: string; status: string };
	quote: { number: string; status: string; total: number; currency: string } | undefined;
	order:
		| { number: string; status: string; trackingUrl: string | null; declineReason: string | null }
		| undefined;
	payment: { id: string; status: string; method: string; amount: number } | undefined;
	deliveries: EventDeliveries[];
	/** API requests the nodes made, as `METHOD path status`. */
	requests: string[];
	executions: Array<ExecutionSummary & { workflowKey: ExampleWorkflowKey | undefined }>;
	checks: SaleCheck[];
	passed: boolean;
}

/** Records the start position of the next scenario. Call it before playSale. */
export async function takeBaseline(environment: DemoEnvironment): Promise<SaleBaseline> {
	const executions = await environment.n8nRest.listExecutions();
	return {
		deliveryCount: environment.simulator.state().deliveries.length,
		requestCount: environment.simulator.state().requests.length,
		executionIds: new Set(executions.map((execution) => execution.id)),
	};
}

/**
 * Waits for n8n to finish the scenario's executions, then reads and checks the outcome. After
 * a failed step, pass `stepFailed` so that the wait stops once the running executions finish
 * instead of waiting for the count a complete scenario makes.
 */
export async function collectSaleOutcome(
	environment: DemoEnvironment,
	ids: SaleRecordIds,
	baseline: SaleBaseline,
	stepFailed = false,
): Promise<SaleOutcome> {
	const expected = stepFailed
		? 0
		: Object.values(EXPECTED_EXECUTIONS[ids.scenario]).reduce((sum, n) => sum + n, 0);
	const executions = await waitForExecutions(environment, expected, baseline);
	const state = environment.simulator.state();

	const rfq = state.rfqs.find((record) => record.id === ids.rfqId);
	const quote = state.quotes.find((record) => record.id === ids.quoteId);
	const order = state.orders.find((record) => record.quoteId === ids.quoteId);
	const payment = state.payments.find(
		(record) => order !== undefined && record.orderId === order.id,
	);

	const outcome: SaleOutcome = {
		ids,
		rfq: { number: rfq?.number ?? ids.rfqId, status: rfq?.status ?? 'missing' },
		quote: quote && {
			number: quote.number,
			status: quote.status,
			total: quote.total,
			currency: quote.currency,
		},
		order: order && {
			number: order.number,
			status: order.status,
			trackingUrl: order.shipping.trackingUrl,
			declineReason: order.declineReason,
		},
		payment: payment && {
			id: payment.id,
			status: payment.status,
			method: payment.method,
			amount: payment.amount,
		},
		deliveries: groupDeliveries(state.deliveries.slice(baseline.deliveryCount)),
		requests: state.requests
			.slice(baseline.requestCount)
			.map((request) => `${request.method} ${request.path} ${request.status}`),
		executions: executions.map((execution) => ({
			...execution,
			workflowKey: environment.workflows.find((workflow) => workflow.id === execution.workflowId)
				?.key,
		})),
		checks: [],
		passed: false,
	};
	outcome.checks = checkOutcome(outcome);
	outcome.passed = outcome.checks.every((check) => check.passed);
	return outcome;
}

async function waitForExecutions(
	environment: DemoEnvironment,
	expected: number,
	baseline: SaleBaseline,
): Promise<ExecutionSummary[]> {
	let latest: ExecutionSummary[] = [];
	try {
		return await waitUntil(
			`${expected} finished n8n executions`,
			async () => {
				const all = await environment.n8nRest.listExecutions();
				latest = all.filter((execution) => !baseline.executionIds.has(execution.id));
				const finished = latest.filter((execution) => execution.stoppedAt !== '');
				return finished.length >= expected && finished.length === latest.length
					? latest
					: undefined;
			},
			{ timeoutMs: EXECUTIONS_TIMEOUT_MS, intervalMs: 500 },
		);
	} catch {
		// The checks below report the missing or unfinished executions.
		return latest;
	}
}

function groupDeliveries(
	attempts: Array<{ eventId: string; type: string; status: number }>,
): EventDeliveries[] {
	const byEvent = new Map<string, EventDeliveries>();
	for (const attempt of attempts) {
		const entry = byEvent.get(attempt.eventId) ?? {
			eventId: attempt.eventId,
			type: attempt.type,
			statuses: [],
		};
		entry.statuses.push(attempt.status);
		byEvent.set(attempt.eventId, entry);
	}
	return [...byEvent.values()];
}

function checkOutcome(outcome: SaleOutcome): SaleCheck[] {
	const { scenario } = outcome.ids;
	const checks: SaleCheck[] = [];
	const check = (name: string, passed: boolean, detail: string) =>
		checks.push({ name, passed, detail });

	const quoteStatus = outcome.quote?.status ?? 'missing';
	const expectedQuoteStatus = scenario === 'quoteDeclined' ? 'declined' : 'accepted';
	check(`quote ${expectedQuoteStatus}`, quoteStatus === expectedQuoteStatus, quoteStatus);

	if (scenario === 'quoteDeclined') {
		check('no order', outcome.order === undefined, outcome.order?.number ?? 'none');
	}
	if (scenario === 'orderDeclined') {
		const order = outcome.order;
		check('order declined', order?.status === 'declined', order?.status ?? 'missing');
		check('decline reason given', Boolean(order?.declineReason), order?.declineReason ?? 'none');
		check('no payment', outcome.payment === undefined, outcome.payment?.id ?? 'none');
	}
	if (scenario === 'sale' || scenario === 'stripeSale') {
		const order = outcome.order;
		const trackingUrl = order?.trackingUrl ?? '';
		check('order shipped', order?.status === 'shipped', order?.status ?? 'missing');
		check('tracking URL set', /^https?:\/\//.test(trackingUrl), trackingUrl || 'none');
		const payment = outcome.payment;
		const method = scenario === 'sale' ? 'bank_transfer' : 'stripe';
		check('payment paid', payment?.status === 'paid', payment?.status ?? 'missing');
		check(`payment by ${method}`, payment?.method === method, payment?.method ?? 'missing');
		const statusChanges = outcome.requests.filter((request) => request.startsWith('PATCH '));
		check(
			scenario === 'sale' ? 'one payment status change by n8n' : 'no payment status change by n8n',
			statusChanges.length === (scenario === 'sale' ? 1 : 0),
			statusChanges.join(', ') || 'none',
		);
	}

	const deliveredTypes = outcome.deliveries.map((delivery) => delivery.type).sort();
	const expectedTypes = [...EXPECTED_EVENTS[scenario]].sort();
	check(
		'events delivered',
		deliveredTypes.join(',') === expectedTypes.join(','),
		deliveredTypes.join(', ') || 'none',
	);
	const notOnce = outcome.deliveries.filter(
		(delivery) => delivery.statuses.length !== 1 || delivery.statuses[0] !== 200,
	);
	check(
		'each event answered 200 once',
		notOnce.length === 0,
		notOnce.map((d) => `${d.type}: ${d.statuses.join('/')}`).join(', ') || 'yes',
	);

	for (const [key, count] of Object.entries(EXPECTED_EXECUTIONS[scenario])) {
		const runs = outcome.executions.filter((execution) => execution.workflowKey === key);
		check(`${key} executions`, runs.length === count, `${runs.length} of ${count} expected`);
	}
	const unknown = outcome.executions.filter((execution) => execution.workflowKey === undefined);
	check(
		'no executions of other workflows',
		unknown.length === 0,
		unknown.map((execution) => execution.workflowId).join(', ') || 'none',
	);
	const failed = outcome.executions.filter((execution) => execution.status !== 'success');
	check(
		'executions all success',
		failed.length === 0 && outcome.executions.length > 0,
		failed.map((execution) => `${execution.id}: ${execution.status}`).join(', ') || 'yes',
	);
	return checks;
}
