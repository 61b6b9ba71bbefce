/**
 * The parts of n8n 2.41's internal REST API (under /rest, used by the editor) that the demo and
 * the end-to-end test use: it sets up the instance owner on a fresh instance, then, with the
 * owner's session cookie, lists and reads executions and publishes or unpublishes workflows.
 */
import { randomBytes } from 'node:crypto';

const AUTH_COOKIE = 'n8n-auth';

export interface ExecutionSummary {
	id: string;
	workflowId: string;
	workflowName: string;
	/** n8n's execution status: success, error, crashed, running, waiting, canceled... */
	status: string;
	mode: string;
	startedAt: string;
	stoppedAt: string;
}

/** E-mail and password of the instance owner, for signing in to the editor. */
export interface OwnerLogin {
	email: string;
	password: string;
}

export class N8nRestClient {
	private cookie: string | undefined;

	/** The owner account that setUpOwner created, or undefined before it ran. */
	ownerLogin: OwnerLogin | undefined;

	constructor(private readonly baseUrl: string) {}

	/** Creates the owner account of a fresh instance and keeps its session cookie. */
	async setUpOwner(): Promise<void> {
		// The password policy requires 8 to 64 characters with a digit and an upper-case letter.
		const login = {
			email: 'owner@automanet-demo.example',
			password: `Demo${randomBytes(12).toString('hex')}7`,
		};
		const response = await fetch(`${this.baseUrl}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ ...login, firstName: 'Demo', lastName: 'Owner' }),
		});
		if (response.status !== 200) {
			throw new Error(
				`n8n owner setup failed with HTTP ${response.status}: ${await response.text()}`,
			);
		}
		this.cookie = readAuthCookie(response.headers.getSetCookie());
		this.ownerLogin = login;
	}

	/** Lists the saved executions of the instance, newest first. */
	async listExecutions(): Promise<ExecutionSummary[]> {
		if (!this.cookie) throw new Error('Call setUpOwner before listing executions');
		const response = await fetch(`${this.baseUrl}/rest/executions?limit=100`, {
			headers: { Cookie: `${AUTH_COOKIE}=${this.cookie}` },
		});
		if (response.status !== 200) {
			throw new Error(
				`Listing n8n executions failed with HTTP ${response.status}: ${await response.text()}`,
			);
		}
		const body = (await response.json()) as { data?: { results?: unknown[] } };
		const results = Array.isArray(body.data?.results) ? body.data.results : [];
		return results.map((entry) => readExecution(entry as Record<string, unknown>));
	}

	/** Publishes the workflow's current version, which starts its triggers at once. */
	async activateWorkflow(workflowId: string): Promise<void> {
		const workflow = (await this.sendJson('GET', `/rest/workflows/${workflowId}`)) as {
			data?: { versionId?: string };
		};
		const versionId = workflow.data?.versionId;
		if (!versionId) throw new Error(`n8n returned no versionId for workflow ${workflowId}`);
		await this.sendJson('POST', `/rest/workflows/${workflowId}/activate`, { versionId });
	}

	/** Unpublishes the workflow, which stops its triggers. */
	async deactivateWorkflow(workflowId: string): Promise<void> {
		await this.sendJson('POST', `/rest/workflows/${workflowId}/deactivate`, {});
	}

	/**
	 * Returns the JSON of the items that `nodeName` output in its first run of an execution, or
	 * undefined when that node did not run.
	 */
	async readNodeOutput(
		executionId: string,
		nodeName: string,
	): Promise<Array<Record<string, unknown>> | undefined> {
		const execution = (await this.sendJson('GET', `/rest/executions/${executionId}`)) as {
			data?: { data?: unknown };
		};
		const stored = execution.data?.data;
		if (typeof stored !== 'string') {
			throw new Error(`n8n returned no run data for execution ${executionId}`);
		}
		const runData = parseFlatted(stored) as {
			resultData?: {
				runData?: Record<string, Array<{ data?: { main?: Array<Array<{ json: unknown }>> } }>>;
			};
		};
		const items = runData.resultData?.runData?.[nodeName]?.[0]?.data?.main?.[0];
		return items?.map((item) => item.json as Record<string, unknown>);
	}

	private async sendJson(method: string, path: string, body?: unknown): Promise<unknown> {
		if (!this.cookie) throw new Error(`Call setUpOwner before ${method} ${path}`);
		const headers: Record<string, string> = { Cookie: `${AUTH_COOKIE}=${this.cookie}` };
		if (body !== undefined) headers['Content-Type'] = 'application/json';
		const response = await fetch(`${this.baseUrl}${path}`, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		if (response.status !== 200) {
			throw new Error(
				`n8n ${method} ${path} failed with HTTP ${response.status}: ${await response.text()}`,
			);
		}
		return await response.json();
	}
}

/**
 * Parses the `flatted` text in which n8n stores execution data: a JSON array whose first entry is
 * the root value, where every string inside an object or array is the index of the entry that
 * contains the real value. That indirection lets the format store shared and circular references.
 */
export function parseFlatted(text: string): unknown {
	const entries = JSON.parse(text) as unknown[];
	const revived = new Map<number, unknown>();

	const revive = (index: number): unknown => {
		if (revived.has(index)) return revived.get(index);
		const entry = entries[index];
		if (entry === null || typeof entry !== 'object') return entry;

		const copy: Record<string, unknown> | unknown[] = Array.isArray(entry) ? [] : {};
		revived.set(index, copy);
		for (const [key, value] of Object.entries(entry)) {
			(copy as Record<string, unknown>)[key] =
				typeof value === 'string' ? revive(Number(value)) : value;
		}
		return copy;
	};

	return revive(0);
}

function readAuthCookie(setCookieHeaders: string[]): string {
	for (const header of setCookieHeaders) {
		const [pair] = header.split(';');
		const separator = pair.indexOf('=');
		if (pair.slice(0, separator).trim() === AUTH_COOKIE) return pair.slice(separator + 1);
	}
	throw new Error(`n8n owner setup returned no ${AUTH_COOKIE} cookie`);
}

function readExecution(entry: Record<string, unknown>): ExecutionSummary {
	const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));
	return {
		id: text(entry.id),
		workflowId: text(entry.workflowId),
		workflowName: text(entry.workflowName),
		status: text(entry.status),
		mode: text(entry.mode),
		startedAt: text(entry.startedAt),
		stoppedAt: text(entry.stoppedAt),
	};
}
