import { createHash, randomUUID } from 'node:crypto';
import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * Builds the Idempotency-Key of one state-changing call: a SHA-256 hash of the execution id, the
 * node id, the run index, the item index and the operation name.
 *
 * n8n-core 2.41.1 runs Retry On Fail inside WorkflowExecute.processRunExecutionData. It computes
 * the node's run index once, then calls runNode again with the same run index and the same
 * additionalData.executionId. So every try builds the same key, and the server returns the first
 * response again instead of acting twice. A new execution has a new execution id, and the same node run
 * again inside one execution (a loop) has a higher run index, so both get new keys.
 */
export function idempotencyKeyFor(
	ctx: IExecuteFunctions,
	itemIndex: number,
	operation: string,
): string {
	const executionId = ctx.getExecutionId();
	const node = ctx.getNode();
	const runIndex: unknown = ctx.getWorkflowDataProxy(itemIndex).$runIndex;

	// NOTE: without an execution id the key would repeat across executions and return an old
	// response, so such calls get a random key. That is safe, but Retry On Fail cannot reuse it.
	if (!executionId) return `n8n-${randomUUID()}`;

	const digest = createHash('sha256')
		.update(
			JSON.stringify([
				executionId,
				node.id || node.name,
				Number(runIndex ?? 0),
				itemIndex,
				operation,
			]),
		)
		.digest('hex');
	return `n8n-${digest}`;
}
