import type { IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';
import type { ExecutionLifecycleHooks } from 'n8n-core';

import type { HarnessCredentialsHelper } from './credentialsHelper';

export interface AdditionalDataOptions {
	credentialsHelper: HarnessCredentialsHelper;
	/** The id `this.getExecutionId()` returns in a node; omitted for trigger activation. */
	executionId?: string;
	hooks?: ExecutionLifecycleHooks;
	/** Base URL of n8n's webhooks, used by webhook nodes to build their URL. */
	webhookBaseUrl?: string;
}

function notSupported(feature: string): () => never {
	return () => {
		throw new UnexpectedError(`The test harness does not support ${feature}`);
	};
}

/**
 * Builds the IWorkflowExecuteAdditionalData that n8n's CLI gives every execution, with the
 * harness credentials helper. Sub-workflows, task runners and AI features throw when used.
 */
export function createAdditionalData(
	options: AdditionalDataOptions,
): IWorkflowExecuteAdditionalData {
	const webhookBaseUrl = options.webhookBaseUrl ?? 'http://127.0.0.1:5678/webhook';
	const additionalData: Partial<IWorkflowExecuteAdditionalData> = {
		credentialsHelper: options.credentialsHelper,
		executionId: options.executionId,
		hooks: options.hooks,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		formBaseUrl: 'http://127.0.0.1:5678/form',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
		webhookBaseUrl,
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
		variables: {},
		logAiEvent: () => {},
		executeWorkflow: notSupported('sub-workflows'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		startRunnerTask: notSupported('task runners'),
	};
	return additionalData as IWorkflowExecuteAdditionalData;
}
