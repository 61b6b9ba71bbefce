/**
 * One n8n instance in a throwaway user folder: its CLI commands (import, publish) and its
 * server process. The CLI commands open the same SQLite database as the server, so they run
 * while the server is stopped.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { runCommand, startProcess, type RunningProcess } from './child-processes';
import { n8nEnvironment, type N8nInstanceSettings } from './n8n-environment';
import type { N8nRuntime } from './runtime-cache';
import { WaitAbortedError, waitUntil } from './wait-until';

const CLI_TIMEOUT_MS = 180_000;
const READINESS_TIMEOUT_MS = 120_000;
const SERVER_LOG_TAIL_LINES = 60;

export interface CredentialImport {
	id: string;
	name: string;
	type: string;
	/** Plain credential fields; `n8n import:credentials` encrypts them with the instance key. */
	data: Record<string, string>;
}

export class N8nInstance {
	readonly baseUrl: string;

	readonly logFile: string;

	private server: RunningProcess | undefined;

	private readonly serverLogTail: string[] = [];

	constructor(
		private readonly runtime: N8nRuntime,
		readonly settings: N8nInstanceSettings,
		private readonly onServerLine: (line: string) => void = () => {},
	) {
		this.baseUrl = `http://127.0.0.1:${settings.port}`;
		this.logFile = path.join(settings.userFolder, 'n8n.log');
	}

	async importCredentials(credentials: CredentialImport[]): Promise<void> {
		const file = path.join(this.settings.userFolder, 'credentials-import.json');
		writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
		await this.runCli(['import:credentials', `--input=${file}`]);
	}

	/** Imports workflows from a JSON file that contains an array of workflows. */
	async importWorkflows(file: string): Promise<void> {
		await this.runCli(['import:workflow', `--input=${file}`]);
	}

	/** Publishes (activates) the current version of a workflow. Run it while the server is stopped. */
	async publishWorkflow(workflowId: string): Promise<void> {
		await this.runCli(['publish:workflow', `--id=${workflowId}`]);
	}

	/** Starts the server and resolves once `/healthz/readiness` returns 200. */
	async start(): Promise<void> {
		if (this.server) throw new Error('n8n is already running');
		const server = startProcess(this.runtime.nodeBinary, [this.runtime.n8nScript, 'start'], {
			cwd: this.settings.userFolder,
			env: n8nEnvironment(this.settings),
			logFile: this.logFile,
			onLine: (line) => {
				this.serverLogTail.push(line);
				if (this.serverLogTail.length > SERVER_LOG_TAIL_LINES) this.serverLogTail.shift();
				this.onServerLine(line);
			},
		});
		this.server = server;

		let exitCode: number | null | undefined;
		void server.exited.then((code) => {
			exitCode = code;
		});
		await waitUntil(
			`n8n readiness at ${this.baseUrl}/healthz/readiness`,
			async () => {
				if (exitCode !== undefined) {
					throw new N8nExitedError(exitCode, this.recentServerOutput());
				}
				const response = await fetch(`${this.baseUrl}/healthz/readiness`);
				return response.status === 200 ? true : undefined;
			},
			{ timeoutMs: READINESS_TIMEOUT_MS, intervalMs: 250 },
		).catch((error: Error) => {
			if (error instanceof N8nExitedError) throw error;
			throw new Error(`${error.message}\n--- n8n output ---\n${this.recentServerOutput()}`);
		});
	}

	/** Stops the server (SIGTERM, then SIGKILL) and its task runner. Safe to call twice. */
	async stop(): Promise<void> {
		const server = this.server;
		this.server = undefined;
		await server?.stop();
	}

	/** Resolves with the server's exit code when it exits; undefined while it is not running. */
	get serverExited(): Promise<number | null> | undefined {
		return this.server?.exited;
	}

	get serverPid(): number | undefined {
		return this.server?.pid;
	}

	recentServerOutput(): string {
		return this.serverLogTail.join('\n');
	}

	private async runCli(args: string[]): Promise<void> {
		await runCommand(this.runtime.nodeBinary, [this.runtime.n8nScript, ...args], {
			cwd: this.settings.userFolder,
			env: n8nEnvironment(this.settings),
			logFile: path.join(this.settings.userFolder, 'n8n-cli.log'),
			timeoutMs: CLI_TIMEOUT_MS,
		});
	}
}

export class N8nExitedError extends WaitAbortedError {
	constructor(exitCode: number | null, output: string) {
		super(
			`n8n exited with code ${String(exitCode)} before it was ready\n--- n8n output ---\n${output}`,
		);
		this.name = 'N8nExitedError';
	}
}
