/**
 * The example workflows in examples/workflows/: what the demo imports into n8n, and the names
 * the demo and the end-to-end test use to find each workflow's executions.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Name of the credential the example workflows refer to; the demo imports one with it. */
export const EXAMPLE_CREDENTIAL_NAME = 'Automa.Net account';

export const EXAMPLE_WORKFLOW_FILES = {
	rfqToQuote: 'rfq-to-quote.json',
	orderFulfilment: 'order-fulfilment.json',
	payments: 'payments.json',
	saleActivity: 'sale-activity.json',
} as const;

export type ExampleWorkflowKey = keyof typeof EXAMPLE_WORKFLOW_FILES;

export interface ExampleWorkflow {
	key: ExampleWorkflowKey;
	id: string;
	name: string;
	/** The whole workflow as n8n imports it. */
	json: Record<string, unknown>;
}

/** Reads every example workflow from `<repository>/examples/workflows`. */
export function readExampleWorkflows(repositoryRoot: string): ExampleWorkflow[] {
	const folder = path.join(repositoryRoot, 'examples', 'workflows');
	return (Object.keys(EXAMPLE_WORKFLOW_FILES) as ExampleWorkflowKey[]).map((key) => {
		const file = path.join(folder, EXAMPLE_WORKFLOW_FILES[key]);
		const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
		if (typeof json.id !== 'string' || typeof json.name !== 'string') {
			throw new Error(`${file} needs a string "id" and "name" for the demo to publish it`);
		}
		return { key, id: json.id, name: json.name, json };
	});
}

/** Counts the webhook trigger nodes of a workflow; each registers one subscription. */
export function countWebhookTriggers(workflow: ExampleWorkflow): number {
	const nodes = Array.isArray(workflow.json.nodes) ? workflow.json.nodes : [];
	return nodes.filter(
		(node) => (node as { type?: string }).type === 'n8n-nodes-automanet.automaNetTrigger',
	).length;
}
