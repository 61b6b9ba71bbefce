import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { HookContext, WebhookContext } from 'n8n-core';

import { createAdditionalData } from './additionalData';
import { HarnessCredentialsHelper } from './credentialsHelper';
import { setUpN8nEnvironment } from './n8nEnvironment';
import { HarnessNodeTypes, nodeTypeName } from './nodeTypes';
import type { RecordingLogger } from './recordingLogger';
import { CREDENTIAL_TYPE } from './runNode';
import type { AutomaNetCredentialData } from './runNode';
import { toN8nWebhookRequest } from './webhookRequest';
import type { RawBodySupport } from './webhookRequest';

/** Which of n8n's two webhook endpoints: /webhook-test/... for a test listen, /webhook/... when active. */
export type WebhookEndpoint = 'test' | 'production';

/** One request the harness server received and what n8n would have done with it. */
export interface ReceivedDelivery {
	endpoint: WebhookEndpoint;
	/** HTTP status the sender got. */
	status: number;
	/** Body the sender got, parsed as JSON when it is JSON. */
	responseBody: unknown;
	/** Items webhook() returned to start the workflow with; empty when no workflow started. */
	items: INodeExecutionData[];
	/** The error webhook() threw, if any. */
	error?: Error;
}

export interface TriggerHarnessOptions {
	parameters: INodeParameters;
	/** The automaNetApi credential; null gives the node none. */
	credentials: AutomaNetCredentialData | null;
	/** How the request body reaches the node; n8n's own behaviour when omitted. */
	rawBody?: RawBodySupport;
}

const WORKFLOW_ID = 'automanet-trigger-harness';
const NODE_NAME = 'Automa.Net Trigger';

/**
 * An n8n host for one Automa.Net Trigger node. A real HTTP server on 127.0.0.1 serves the node's
 * n8n webhook URLs and passes every request to its webhook() in a real n8n-core WebhookContext.
 * Real HookContexts run its checkExists, create and delete the way n8n's WebhookService does. The
 * test and production endpoints share one static data object, the hardest case for keeping their
 * subscriptions apart.
 */
export class TriggerHarness {
	readonly received: ReceivedDelivery[] = [];

	readonly logger: RecordingLogger;

	private readonly node: INode;

	private readonly nodeType: INodeType;

	private readonly workflow: Workflow;

	private readonly credentialsHelper = new HarnessCredentialsHelper();

	private constructor(
		private readonly server: http.Server,
		private readonly baseUrl: string,
		private readonly options: TriggerHarnessOptions,
	) {
		this.logger = setUpN8nEnvironment();
		const nodeTypes = new HarnessNodeTypes();
		this.node = {
			// A fresh id per harness, as n8n gives each node a UUID, so log rate limits keyed on
			// the node do not carry over from one harness to the next.
			id: randomUUID(),
			name: NODE_NAME,
			type: nodeTypeName('automaNetTrigger'),
			typeVersion: 1,
			position: [0, 0],
			webhookId: randomUUID(),
			parameters: options.parameters,
		};
		this.nodeType = nodeTypes.getByNameAndVersion(this.node.type, 1);
		this.workflow = new Workflow({
			id: WORKFLOW_ID,
			name: 'Automa.Net trigger harness',
			nodes: [this.node],
			connections: {},
			active: false,
			nodeTypes,
			staticData: {},
			settings: {},
		});
		this.setCredentials(options.credentials);
	}

	static async start(options: TriggerHarnessOptions): Promise<TriggerHarness> {
		let harness: TriggerHarness | undefined;
		const server = http.createServer((request, response) => {
			if (!harness) {
				response.writeHead(503).end();
				return;
			}
			void harness.handle(request, response);
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		harness = new TriggerHarness(server, `http://127.0.0.1:${port}`, options);
		return harness;
	}

	/** Replaces the node's parameters, as saving the workflow in the editor does. */
	setParameters(parameters: INodeParameters): void {
		this.node.parameters = parameters;
	}

	setCredentials(credentials: AutomaNetCredentialData | null): void {
		this.credentialsHelper.setCredentials(
			CREDENTIAL_TYPE,
			credentials ? { ...credentials } : undefined,
		);
		this.node.credentials = credentials
			? { [CREDENTIAL_TYPE]: { id: 'automanet-credential', name: 'Automa.Net' } }
			: undefined;
	}

	/** Returns the URL n8n gives the node for an endpoint. */
	url(endpoint: WebhookEndpoint): string {
		return `${this.endpointBase(endpoint)}/${this.node.webhookId}/${this.webhookDescription().path}`;
	}

	/** Runs checkExists, then create when it returned false, as n8n does on activation. */
	async activate(endpoint: WebhookEndpoint): Promise<void> {
		if (!(await this.checkExists(endpoint))) await this.create(endpoint);
	}

	async checkExists(endpoint: WebhookEndpoint): Promise<boolean> {
		return await this.runHook('checkExists', endpoint);
	}

	async create(endpoint: WebhookEndpoint): Promise<boolean> {
		return await this.runHook('create', endpoint);
	}

	/** Runs delete in mode 'internal', as n8n 2.x does for both test and production webhooks. */
	async delete(endpoint: WebhookEndpoint): Promise<boolean> {
		return await this.runHook('delete', endpoint);
	}

	/** Returns the node's own static data, as getWorkflowStaticData('node') returns it. */
	nodeStaticData(): IDataObject {
		return this.workflow.getStaticData('node', this.node);
	}

	/** Returns the JSON of every item that webhook() started a workflow with, oldest first. */
	startedItems(): IDataObject[] {
		return this.received.flatMap((delivery) => delivery.items.map((item) => item.json));
	}

	async stop(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	private endpointBase(endpoint: WebhookEndpoint): string {
		return `${this.baseUrl}/${endpoint === 'test' ? 'webhook-test' : 'webhook'}`;
	}

	private webhookDescription(): IWebhookDescription {
		const description = this.nodeType.description.webhooks?.[0];
		if (!description) throw new Error('The Automa.Net Trigger describes no webhook');
		return description;
	}

	private additionalData(): IWorkflowExecuteAdditionalData {
		const additionalData = createAdditionalData({
			credentialsHelper: this.credentialsHelper,
			webhookBaseUrl: this.endpointBase('production'),
		});
		additionalData.webhookTestBaseUrl = this.endpointBase('test');
		return additionalData;
	}

	private webhookData(
		endpoint: WebhookEndpoint,
		additionalData: IWorkflowExecuteAdditionalData,
	): IWebhookData {
		const description = this.webhookDescription();
		return {
			httpMethod: 'POST',
			node: this.node.name,
			path: `${this.node.webhookId}/${description.path}`,
			webhookDescription: description,
			workflowId: WORKFLOW_ID,
			workflowExecuteAdditionalData: additionalData,
			webhookId: this.node.webhookId,
			isTest: endpoint === 'test',
		};
	}

	private async runHook(
		method: 'checkExists' | 'create' | 'delete',
		endpoint: WebhookEndpoint,
	): Promise<boolean> {
		const hooks = this.nodeType.webhookMethods?.default;
		const hook = hooks?.[method];
		if (!hook) throw new Error(`The Automa.Net Trigger has no webhook method ${method}`);

		// n8n 2.x: activation runs checkExists and create in mode 'trigger' (production) or
		// 'manual' (test listen); both removals run in mode 'internal' with activation 'update'.
		let mode: WorkflowExecuteMode = endpoint === 'test' ? 'manual' : 'trigger';
		let activation: WorkflowActivateMode = endpoint === 'test' ? 'manual' : 'activate';
		if (method === 'delete') {
			mode = 'internal';
			activation = 'update';
		}
		const additionalData = this.additionalData();
		const context = new HookContext(
			this.workflow,
			this.node,
			additionalData,
			mode,
			activation,
			this.webhookData(endpoint, additionalData),
		);
		return await hook.call(context);
	}

	private endpointOf(path: string): WebhookEndpoint | undefined {
		const suffix = `/${this.node.webhookId}/${this.webhookDescription().path}`;
		if (path === `/webhook${suffix}`) return 'production';
		if (path === `/webhook-test${suffix}`) return 'test';
		return undefined;
	}

	private async handle(
		request: http.IncomingMessage,
		response: http.ServerResponse,
	): Promise<void> {
		const endpoint = this.endpointOf(new URL(request.url ?? '/', this.baseUrl).pathname);
		if (request.method !== 'POST' || !endpoint) {
			response.writeHead(404, { 'Content-Type': 'application/json' });
			response.end(JSON.stringify({ message: 'The requested webhook is not registered.' }));
			return;
		}

		const delivery: ReceivedDelivery = { endpoint, status: 0, responseBody: undefined, items: [] };
		const responseBody = captureResponseBody(response);
		response.on('finish', () => {
			delivery.status = response.statusCode;
			delivery.responseBody = parseMaybeJson(responseBody());
			this.received.push(delivery);
		});

		const prepared = await toN8nWebhookRequest(request, this.options.rawBody ?? 'n8n');
		if (prepared.rejected) {
			respondJson(response, prepared.rejected.status, prepared.rejected.body);
			return;
		}

		let result: IWebhookResponseData;
		try {
			result = await this.callWebhook(endpoint, request, response);
		} catch (error) {
			// n8n responds to a throwing webhook() with 500 and this message.
			delivery.error = error as Error;
			if (!response.headersSent) {
				respondJson(response, 500, {
					message: 'Workflow Webhook Error: Workflow could not be started!',
				});
			}
			return;
		}

		delivery.items = result.workflowData?.[0] ?? [];
		if (result.noWebhookResponse === true) {
			// n8n leaves the response to the node here, so a request without one would hang.
			if (!response.writableEnded) {
				delivery.error = new Error('webhook() returned noWebhookResponse without answering');
				respondJson(response, 500, { message: delivery.error.message });
			}
			return;
		}
		// With responseMode onReceived and no response data, n8n responds to a started workflow with
		// this message, and to a webhook() without workflowData with its webhookResponse.
		if (result.workflowData !== undefined) {
			respondJson(response, 200, { message: 'Workflow was started' });
		} else {
			respondJson(response, 200, result.webhookResponse ?? { message: 'Webhook call received' });
		}
	}

	private async callWebhook(
		endpoint: WebhookEndpoint,
		request: http.IncomingMessage,
		response: http.ServerResponse,
	): Promise<IWebhookResponseData> {
		if (!this.nodeType.webhook) throw new Error('The Automa.Net Trigger has no webhook()');
		const additionalData = this.additionalData();
		additionalData.httpRequest =
			request as unknown as IWorkflowExecuteAdditionalData['httpRequest'];
		additionalData.httpResponse =
			response as unknown as IWorkflowExecuteAdditionalData['httpResponse'];
		// n8n runs a test-URL request in mode 'manual' and a production one in mode 'webhook'.
		const mode: WorkflowExecuteMode = endpoint === 'test' ? 'manual' : 'webhook';
		const context = new WebhookContext(
			this.workflow,
			this.node,
			additionalData,
			mode,
			this.webhookData(endpoint, additionalData),
			[],
			null,
		);
		return await this.nodeType.webhook.call(context);
	}
}

function respondJson(response: http.ServerResponse, status: number, body: unknown): void {
	response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
	response.end(JSON.stringify(body));
}

/** Records what is written to a response, so the harness can report the body the sender got. */
function captureResponseBody(response: http.ServerResponse): () => string {
	const chunks: Buffer[] = [];
	const write = response.write.bind(response);
	const end = response.end.bind(response);
	const keep = (chunk: unknown) => {
		if (typeof chunk === 'string') chunks.push(Buffer.from(chunk));
		else if (Buffer.isBuffer(chunk)) chunks.push(chunk);
	};
	response.write = ((chunk: unknown, ...rest: unknown[]) => {
		keep(chunk);
		return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
	}) as typeof response.write;
	response.end = ((chunk?: unknown, ...rest: unknown[]) => {
		if (typeof chunk !== 'function') keep(chunk);
		return (end as (...args: unknown[]) => http.ServerResponse)(chunk, ...rest);
	}) as typeof response.end;
	return () => Buffer.concat(chunks).toString('utf8');
}

function parseMaybeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}
