/**
 * The parts of n8n 2.41's internal REST API (under /rest, used by the editor) that the demo
 * reads: it sets up the instance owner on a fresh instance, then lists executions with the
 * owner's session cookie.
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
