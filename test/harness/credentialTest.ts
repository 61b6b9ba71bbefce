import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	IDataObject,
	INode,
	INodeCredentialTestResult,
	INodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes, Workflow, createRunExecutionData } from 'n8n-workflow';
import { ExecuteContext, RoutingNode } from 'n8n-core';

import { createAdditionalData } from './additionalData';
import { HarnessCredentialsHelper } from './credentialsHelper';
import { setUpN8nEnvironment } from './n8nEnvironment';
import { HarnessNodeTypes, nodeTypeName } from './nodeTypes';
import { CREDENTIAL_TYPE } from './runNode';
import type { AutomaNetCredentialData } from './runNode';

/** Builds a node type whose only property routes the credential's test request, as n8n does. */
function credentialTestNodeType(testRequest: ICredentialTestRequest): INodeType {
	return {
		description: {
			displayName: 'Credential Test',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: 'Sends the test request of a credential',
			defaults: { name: 'Credential Test' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: CREDENTIAL_TYPE, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					default: '',
					routing: { request: testRequest.request },
				},
			],
		},
	};
}

function failureResult(
	error: unknown,
	testRequest: ICredentialTestRequest,
): INodeCredentialTestResult {
	const cause = (error as { cause?: IDataObject }).cause;
	const response = cause?.response as { status?: number; statusText?: string } | undefined;

	if (response?.status !== undefined) {
		for (const rule of testRequest.rules ?? []) {
			if (rule.type === 'responseCode' && rule.properties.value === response.status) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
		return {
			status: 'Error',
			message: response.statusText || `Received HTTP status code: ${response.status}`,
		};
	}
	if (typeof cause?.code === 'string') return { status: 'Error', message: cause.code };
	return { status: 'Error', message: (error as Error).message };
}

/**
 * Runs the automaNetApi credential's `test` request the way n8n's CredentialsTester does for a
 * request-based test (n8n CLI, packages/cli/src/services/credentials-tester.service.ts): a
 * temporary node whose property routes the test request, run by n8n-core's RoutingNode inside a
 * real ExecuteContext. A non-2xx status becomes an Error whose message is the matching
 * responseCode rule's message, else the HTTP status text.
 */
export async function testAutomaNetCredential(
	credentials: AutomaNetCredentialData,
): Promise<INodeCredentialTestResult> {
	setUpN8nEnvironment();
	const credentialsHelper = new HarnessCredentialsHelper();
	const credentialType = credentialsHelper.getCredentialType(CREDENTIAL_TYPE);
	const testRequest = credentialType.test;
	if (!testRequest)
		return { status: 'Error', message: 'No testing function found for this credential.' };

	const data: ICredentialDataDecryptedObject = credentialsHelper.withDefaults(CREDENTIAL_TYPE, {
		...credentials,
	});
	credentialsHelper.setCredentials(CREDENTIAL_TYPE, data);

	const nodeType = credentialTestNodeType(testRequest);
	const nodeTypes = new HarnessNodeTypes();
	nodeTypes.register(nodeType);
	const node: INode = {
		id: 'credential-test',
		name: 'Temp-Node',
		type: nodeTypeName(nodeType.description.name),
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [CREDENTIAL_TYPE]: { id: 'automanet-credential', name: 'Automa.Net' } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const context = new ExecuteContext(
		workflow,
		node,
		createAdditionalData({ credentialsHelper }),
		'internal',
		createRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const routingNode = new RoutingNode(context, nodeType, {
		id: 'automanet-credential',
		name: 'Automa.Net',
		type: CREDENTIAL_TYPE,
		data,
	});

	try {
		await routingNode.runNode();
	} catch (error) {
		return failureResult(error, testRequest);
	}
	return { status: 'OK', message: 'Connection successful!' };
}
