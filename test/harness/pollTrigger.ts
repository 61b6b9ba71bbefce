import type { IDataObject, INode, INodeExecutionData, INodeParameters, IRun } from 'n8n-workflow';
import { Workflow, createRunExecutionData } from 'n8n-workflow';
import { Container } from '@n8n/di';
import {
	ExecutionLifecycleHooks,
	PollContext,
	PollTriggerExecutor,
	WorkflowExecute,
} from 'n8n-core';

import { createAdditionalData } from './additionalData';
import { HarnessCredentialsHelper } from './credentialsHelper';
import { setUpN8nEnvironment } from './n8nEnvironment';
import { HarnessNodeTypes, nodeTypeName } from './nodeTypes';
import type { RecordingLogger } from './recordingLogger';
import { CREDENTIAL_TYPE } from './runNode';
import type { AutomaNetCredentialData } from './runNode';

export interface PollTriggerHarnessOptions {
	parameters: INodeParameters;
	credentials: AutomaNetCredentialData;
	/** Workflow static data to start from, e.g. a `savedStaticData()` of an earlier harness. */
	staticData?: IDataObject;
	/** What `getPollBudgetMs()` returns; n8n-core's default (5 minutes) when omitted. */
	pollBudgetMs?: number;
}

/** Outcome of one scheduled poll. */
export interface PollOutcome {
	/** Items the poll emitted, which would start one execution; empty when it returned null. */
	items: IDataObject[];
	/** Whether the poll emitted at all (n8n starts an execution only then). */
	emitted: boolean;
	/** The error n8n would pass to the workflow's error handling, if the poll failed. */
	error: Error | undefined;
	/** Whether the static data changed and was saved after this poll. */
	saved: boolean;
}

const WORKFLOW_ID = 'automanet-poll-harness';
const NODE_NAME = 'Automa.Net Poll Trigger';

/**
 * An n8n host for the Automa.Net Poll Trigger. A scheduled poll runs the way n8n-core 2.41.1's
 * active workflows run one: a real PollContext in mode 'trigger' handed to n8n-core's
 * PollTriggerExecutor, which calls poll(), then __emit with the items or __commitCursor when
 * there are none. Like n8n's CLI, the harness saves the workflow static data after either call
 * when it changed. `savedStaticData()` returns the last save, as a database row would store it.
 * A manual run goes through WorkflowExecute in mode 'manual', as the editor's test step does.
 */
export class PollTriggerHarness {
	readonly logger: RecordingLogger;

	private readonly node: INode;

	private readonly workflow: Workflow;

	private readonly credentialsHelper = new HarnessCredentialsHelper();

	private lastSave: string;

	constructor(private readonly options: PollTriggerHarnessOptions) {
		this.logger = setUpN8nEnvironment();
		this.node = {
			id: 'poll-trigger-under-test',
			name: NODE_NAME,
			type: nodeTypeName('automaNetPollTrigger'),
			typeVersion: 1,
			position: [0, 0],
			parameters: options.parameters,
			credentials: { [CREDENTIAL_TYPE]: { id: 'automanet-credential', name: 'Automa.Net' } },
		};
		this.workflow = new Workflow({
			id: WORKFLOW_ID,
			name: 'Automa.Net poll harness',
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes: new HarnessNodeTypes(),
			staticData: structuredClone(options.staticData ?? {}),
			settings: {},
		});
		this.credentialsHelper.setCredentials(CREDENTIAL_TYPE, { ...options.credentials });
		this.lastSave = JSON.stringify(options.staticData ?? {});
	}

	/** Runs one scheduled poll through n8n-core's PollTriggerExecutor. */
	async poll(): Promise<PollOutcome> {
		const emitted: INodeExecutionData[][][] = [];
		let error: Error | undefined;
		let saved = false;
		const save = (): void => {
			saved = this.saveIfChanged() || saved;
		};

		const context = new PollContext(
			this.workflow,
			this.node,
			createAdditionalData({ credentialsHelper: this.credentialsHelper }),
			'trigger',
			'activate',
			(data) => {
				emitted.push(data);
				save();
			},
			(pollError) => {
				error = pollError;
			},
			async () => save(),
			undefined,
			undefined,
			this.options.pollBudgetMs === undefined ? undefined : () => this.options.pollBudgetMs ?? 0,
		);
		const executor = Container.get(PollTriggerExecutor);
		await executor.create(this.workflow, this.node, context, () => true)();

		const items = emitted.flatMap((outputs) => (outputs[0] ?? []).map((item) => item.json));
		return { items, emitted: emitted.length > 0, error, saved };
	}

	/** Runs the node as the editor's test step does: WorkflowExecute in mode 'manual'. */
	async runManual(): Promise<{ items: IDataObject[]; run: IRun }> {
		const workflowData = {
			id: WORKFLOW_ID,
			name: 'Automa.Net poll harness',
			active: true,
			isArchived: false,
			activeVersionId: null,
			nodes: [this.node],
			connections: {},
			settings: {},
			createdAt: new Date(),
			updatedAt: new Date(),
		};
		const hooks = new ExecutionLifecycleHooks('manual', 'manual-poll', workflowData);
		const additionalData = createAdditionalData({
			credentialsHelper: this.credentialsHelper,
			executionId: 'manual-poll',
			hooks,
		});
		const runExecutionData = createRunExecutionData({
			executionData: {
				nodeExecutionStack: [{ node: this.node, data: { main: [[{ json: {} }]] }, source: null }],
			},
		});
		const run = await new WorkflowExecute(
			additionalData,
			'manual',
			runExecutionData,
		).processRunExecutionData(this.workflow);

		const error = run.data.resultData.error;
		if (error) throw error;
		const tasks = run.data.resultData.runData[NODE_NAME] ?? [];
		const output = tasks[tasks.length - 1]?.data?.main?.[0] ?? [];
		return { items: output.map((item) => item.json), run };
	}

	/** The node's own static data, live, as getWorkflowStaticData('node') returns it. */
	nodeStaticData(): IDataObject {
		return this.workflow.getStaticData('node', this.node);
	}

	/** Returns the workflow static data as last saved, parsed from its JSON. */
	savedStaticData(): IDataObject {
		return JSON.parse(this.lastSave) as IDataObject;
	}

	/** Saves the static data as n8n's CLI does, only when a node changed it; returns whether it did. */
	private saveIfChanged(): boolean {
		const staticData = this.workflow.staticData;
		if (staticData.__dataChanged !== true) return false;
		this.lastSave = JSON.stringify(staticData);
		staticData.__dataChanged = false;
		return true;
	}
}
