/**
 * Prints what happens during a sale by following the simulator's state: each webhook delivery
 * to n8n with the HTTP status of n8n's response, each API request the Automa.Net node made, and each
 * status change of a quote, order or payment.
 */
import type { Simulator } from '../../simulator';

const POLL_INTERVAL_MS = 100;

type SimulatorState = ReturnType<Simulator['state']>;

export class SaleProgressPrinter {
	private timer: NodeJS.Timeout | undefined;

	private deliveriesSeen = 0;

	private requestsSeen = 0;

	private readonly statuses = new Map<string, string>();

	constructor(
		private readonly simulator: Simulator,
		private readonly print: (line: string) => void,
	) {}

	/** Starts following; what happened before this call is not printed. */
	start(): void {
		const state = this.simulator.state();
		this.deliveriesSeen = state.deliveries.length;
		this.requestsSeen = state.requests.length;
		this.rememberStatuses(state, false);
		this.timer = setInterval(() => this.printNews(), POLL_INTERVAL_MS);
	}

	/** Prints what happened since the last poll, then stops following. */
	stop(): void {
		if (this.timer) clearInterval(this.timer);
		this.timer = undefined;
		this.printNews();
	}

	/** Prints what happened since the last poll, so that it comes before the caller's next line. */
	printNews(): void {
		const state = this.simulator.state();

		for (const delivery of state.deliveries.slice(this.deliveriesSeen)) {
			const outcome =
				delivery.status === 0
					? `no answer (${delivery.error ?? 'failed'})`
					: `HTTP ${delivery.status}`;
			this.print(
				`  event    ${delivery.type.padEnd(24)} ${delivery.eventId} -> n8n: ${outcome}, attempt ${delivery.attempt}`,
			);
		}
		this.deliveriesSeen = state.deliveries.length;

		for (const request of state.requests.slice(this.requestsSeen)) {
			this.print(`  request  ${request.method.padEnd(6)} ${request.path} -> ${request.status}`);
		}
		this.requestsSeen = state.requests.length;

		this.rememberStatuses(state, true);
	}

	private rememberStatuses(state: SimulatorState, printChanges: boolean): void {
		const records: Array<[string, Array<{ id: string; number?: string; status: string }>]> = [
			['rfq', state.rfqs],
			['quote', state.quotes],
			['order', state.orders],
			['payment', state.payments],
		];
		for (const [kind, list] of records) {
			for (const record of list) {
				const previous = this.statuses.get(record.id);
				if (previous === record.status) continue;
				this.statuses.set(record.id, record.status);
				if (!printChanges) continue;
				const label = `${kind} ${record.number ?? record.id}`;
				const change =
					previous === undefined ? `new, ${record.status}` : `${previous} -> ${record.status}`;
				this.print(`  status   ${label}: ${change}`);
			}
		}
	}
}
