import { randomUUID } from 'node:crypto';

import type {
	ExecutionBaseError,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IRun,
	INodeType,
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
	/** Test-only node types to register for this run, e.g. one defined inside a test file. */
	extraNodeTypes?: INodeType[];
	/** Workflow time zone, what `this.getTimezone()` returns; n8n's default when omitted. */
	timezone?: string;
	parameters: INodeParameters;
	/** JSON of the items the node receives; one empty item when omitted. */
	inputItems?: IDataObject[];
	/**
	 * Inputs of successive runs of the node in one execution, as when a loop feeds it again: the
	 * node runs once per entry, with run index 0, 1 and so on. Replaces inputItems.
	 */
	runs?: IDataObject[][];
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

/** Names the start node that feeds run `runIndex`: Start, Start 2, Start 3 and so on. */
function startNodeName(runIndex: number): string {
	return runIndex === 0 ? 'Start' : `Start ${runIndex + 1}`;
}

function buildStartNodes(runCount: number): INode[] {
	return Array.from({ length: runCount }, (_, runIndex) => ({
		id: `start-node-${runIndex}`,
		name: startNodeName(runIndex),
		type: nodeTypeName('harnessStart'),
		typeVersion: 1,
		position: [0, runIndex * 200] as [number, number],
		parameters: {},
	}));
}

function buildNodeUnderTest(options: RunNodeOptions, nodeName: string): INode {
	const settings = options.settings ?? {};
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
	return node;
}

/**
 * Runs `Start -> node` through n8n-core's real WorkflowExecute, in-process, and returns the
 * node's output items, its error and the execution id. With `runs`, one start node per run
 * feeds the node, so it runs once per entry in the same execution. HTTP goes out for real, through n8n's
 * request helpers, with the credential applied by the harness credentials helper.
 */
export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	const logger = setUpN8nEnvironment();
	const nodeName = options.nodeName ?? 'Automa.Net';
	const executionId = options.executionId ?? randomUUID();
	const mode = options.mode ?? 'manual';

	const nodeTypes = new HarnessNodeTypes();
	for (const nodeType of options.extraNodeTypes ?? []) nodeTypes.register(nodeType);
	const credentialsHelper = new HarnessCredentialsHelper();
	if (options.credentials) {
		credentialsHelper.setCredentials(CREDENTIAL_TYPE, { ...options.credentials });
	}

	const runInputs = options.runs ?? [options.inputItems ?? [{}]];
	const startNodes = buildStartNodes(runInputs.length);
	const nodes = [...startNodes, buildNodeUnderTest(options, nodeName)];
	const connections: IConnections = {};
	for (const start of startNodes) {
		connections[start.name] = { main: [[{ node: nodeName, type: 'main', index: 0 }]] };
	}
	const workflowData = {
		id: 'automanet-harness',
		name: 'Automa.Net harness',
		active: false,
		isArchived: false,
		activeVersionId: null,
		nodes,
		connections,
		settings: { executionOrder: 'v1' as const },
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
		settings: { executionOrder: 'v1', timezone: options.timezone },
	});

	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
	const additionalData = createAdditionalData({ credentialsHelper, executionId, hooks });

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: startNodes.map((start, runIndex) => ({
				node: start,
				data: { main: [runInputs[runIndex].map((json) => ({ json }))] },
				source: null,
			})),
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
