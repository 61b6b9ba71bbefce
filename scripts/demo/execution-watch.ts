import type { N8nRestClient } from './n8n-rest-client';
import { WaitAbortedError } from './wait-until';

/** n8n execution statuses that mean the workflow run failed. */
const FAILED_STATUSES = new Set(['error', 'crashed']);

/**
 * Watches n8n's executions during a scenario, so that a wait for a workflow's effect ends as
 * soon as that workflow fails instead of at its timeout.
 */
export class FailedExecutionWatch {
	private lastCheck = 0;

	constructor(
		private readonly n8nRest: N8nRestClient,
		private readonly knownExecutionIds: Set<string>,
		private readonly minIntervalMs = 1_000,
	) {}

	/** Throws WaitAbortedError when an execution that started after the baseline failed. */
	async check(): Promise<void> {
		if (Date.now() - this.lastCheck < this.minIntervalMs) return;
		this.lastCheck = Date.now();

		const executions = await this.n8nRest.listExecutions();
		const failed = executions.find(
			(execution) =>
				!this.knownExecutionIds.has(execution.id) && FAILED_STATUSES.has(execution.status),
		);
		if (failed) {
			throw new WaitAbortedError(
				`n8n execution #${failed.id} of "${failed.workflowName}" ended with status ${failed.status}`,
			);
		}
	}
}
