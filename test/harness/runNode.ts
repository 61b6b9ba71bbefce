import { randomUUID } from 'node:crypto';

import type {
	ExecutionBaseError,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IRun,
	ITaskData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow, createRunExecutionData } from 'n8n-workflow';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';

import { createAdditionalData } from './additionalData';
import { HarnessCredentialsHelper } from './credentialsHelper';
import { setUpN8nEnvironment } from './n8nEnvironment';
import { HarnessNodeTypes, nodeTypeName } from './nodeTypes';
import type { RecordingLogger } from './recordingLogger';

export const CREDENTIAL_TYPE = 'automaNetApi';

/**
 * Data of the automaNetApi credential; unset properties take the credential's defaults. It is a
 * type alias, not an interface, so it is assignable to ICredentialDataDecryptedObject.
 */
export type AutomaNetCredentialData = {
	apiKey: string;
	baseUrl: string;
	webhookSecret?: string;
};

/** The node settings of n8n's editor that change how WorkflowExecute runs a node. */
export interface NodeSettings {
	retryOnFail?: boolean;
	maxTries?: number;
	waitBetweenTries?: number;
	continueOnFail?: boolean;
}

export interface RunNodeOptions {
	/** Short type name: `automaNet`, or a fixture such as `transportProbe`. */
	node: string;
	parameters: INodeParameters;
	/** JSON of the items the node receives; one empty item when omitted. */
	inputItems?: IDataObject[];
	/** The automaNetApi credential; null runs the node without one. */
	credentials: AutomaNetCredentialData | null;
	settings?: NodeSettings;
	/** Execution id to use; a new UUID when omitted. */
	executionId?: string;
	/** Execution mode; 'manual' when omitted. */
	mode?: WorkflowExecuteMode;
	/** Node name in the workflow; 'Automa.Net' when omitted. */
	nodeName?: string;
	typeVersion?: number;
}

export interface RunNodeResult {
	/** Items of the node's first output, with pairedItem; empty when the node failed. */
	items: INodeExecutionData[];
	/** Items of every output of the node. */
	outputs: INodeExecutionData[][];
	/**
	 * The error the node threw, undefined when it succeeded. n8n records it on the task even when
	 * the node continues on fail and outputs it as an item.
	 */
	error: ExecutionBaseError | undefined;
	executionId: string;
	/** Every task of the node in this execution (one per run index). */
	tasks: ITaskData[];
	run: IRun;
	/** The logger behind `this.logger`, shared by every run in the test file. */
	logger: RecordingLogger;
}

const START_NODE_NAME = 'Start';

function buildNodes(options: RunNodeOptions, nodeName: string): INode[] {
	const settings = options.settings ?? {};
	const start: INode = {
		id: 'start-node',
		name: START_NODE_NAME,
		type: nodeTypeName('harnessStart'),
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const node: INode = {
		id: 'node-under-test',
		name: nodeName,
		type: nodeTypeName(options.node),
		typeVersion: options.typeVersion ?? 1,
		position: [200, 0],
		parameters: options.parameters,
		retryOnFail: settings.retryOnFail,
		maxTries: settings.maxTries,
		waitBetweenTries: settings.waitBetweenTries,
		onError: settings.continueOnFail ? 'continueRegularOutput' : undefined,
	};
	if (options.credentials) {
		node.credentials = { [CREDENTIAL_TYPE]: { id: 'automanet-credential', name: 'Automa.Net' } };
	}
	return [start, node];
}

/**
 * Runs `Start -> node` through n8n-core's real WorkflowExecute, in-process, and returns the
 * node's output items, its error and the execution id. HTTP goes out for real, through n8n's
 * request helpers, with the credential applied by the harness credentials helper.
 */
export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	const logger = setUpN8nEnvironment();
	const nodeName = options.nodeName ?? 'Automa.Net';
	const executionId = options.executionId ?? randomUUID();
	const mode = options.mode ?? 'manual';

	const nodeTypes = new HarnessNodeTypes();
	const credentialsHelper = new HarnessCredentialsHelper();
	if (options.credentials) {
		credentialsHelper.setCredentials(CREDENTIAL_TYPE, { ...options.credentials });
	}

	const nodes = buildNodes(options, nodeName);
	const connections: IConnections = {
		[START_NODE_NAME]: { main: [[{ node: nodeName, type: 'main', index: 0 }]] },
	};
	const workflowData = {
		id: 'automanet-harness',
		name: 'Automa.Net harness',
		active: false,
		isArchived: false,
		activeVersionId: null,
		nodes,
		connections,
		settings: {},
		createdAt: new Date(),
		updatedAt: new Date(),
	};
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes,
		connections,
		active: false,
		nodeTypes,
		settings: {},
	});

	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
	const additionalData = createAdditionalData({ credentialsHelper, executionId, hooks });

	const inputItems = (options.inputItems ?? [{}]).map((json) => ({ json }));
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: nodes[0], data: { main: [inputItems] }, source: null }],
		},
	});

	const workflowExecute = new WorkflowExecute(additionalData, mode, runExecutionData);
	const run = await workflowExecute.processRunExecutionData(workflow);

	const tasks = run.data.resultData.runData[nodeName] ?? [];
	const lastTask = tasks[tasks.length - 1];
	const outputs = (lastTask?.data?.main ?? []).map(
		(items: INodeExecutionData[] | null) => items ?? [],
	);
	return {
		items: outputs[0] ?? [],
		outputs,
		error: lastTask?.error ?? run.data.resultData.error,
		executionId,
		tasks,
		run,
		logger,
	};
}
