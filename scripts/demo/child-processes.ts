/**
 * Child processes of the demo and the end-to-end test. Every child runs in its own process
 * group, so stopping it also stops what it started (n8n's task runner, npm's install scripts),
 * and every running child is tracked so that a Ctrl-C or a failure can stop all of them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';

import { shutdownSignal, throwIfShutdownRequested } from './shutdown';

export interface ProcessOptions {
	cwd: string;
	env: NodeJS.ProcessEnv;
	/** Called with each line of stdout and stderr. */
	onLine?: (line: string) => void;
	/** Called with each chunk of stdout. */
	onStdout?: (chunk: string) => void;
	/** Appends stdout and stderr to this file. */
	logFile?: string;
}

export interface CommandOptions extends ProcessOptions {
	/** Stops the command and rejects after this many milliseconds. */
	timeoutMs?: number;
}

export interface CommandResult {
	exitCode: number;
	/** The whole of stdout. */
	stdout: string;
	/** The last lines of stdout and stderr, interleaved. */
	outputTail: string[];
}

export interface RunningProcess {
	pid: number;
	/** Resolves with the exit code, or null when a signal ended the process. */
	exited: Promise<number | null>;
	/** Sends SIGTERM to the process group, then SIGKILL after `graceMs`. */
	stop(graceMs?: number): Promise<void>;
}

const OUTPUT_TAIL_LINES = 40;
const DEFAULT_STOP_GRACE_MS = 15_000;

const runningProcesses = new Set<RunningProcess>();

shutdownSignal.addEventListener('abort', () => {
	void stopAllProcesses();
});

/** Returns a copy of the environment without the npm_* variables that `npm run` exports. */
export function environmentWithoutNpmRun(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
	const result: NodeJS.ProcessEnv = {};
	for (const [name, value] of Object.entries(env)) {
		// `npm run` exports the project's .npmrc (ignore-scripts, offline...) as npm_config_*,
		// which would silently change how the child npm installs behave.
		if (/^npm_/i.test(name) || name === 'INIT_CWD') continue;
		result[name] = value;
	}
	return result;
}

/** Starts a long-running child process in its own process group. */
export function startProcess(
	command: string,
	args: string[],
	options: ProcessOptions,
): RunningProcess {
	throwIfShutdownRequested();
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: options.env,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const log = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : undefined;
	forwardLines(child, options, log);

	const exited = new Promise<number | null>((resolve, reject) => {
		child.once('error', reject);
		// 'close' comes after stdout and stderr are drained, unlike 'exit', so the last lines
		// of a failing process reach onLine before the caller sees the exit code.
		child.once('close', (code) => {
			log?.end();
			resolve(code);
		});
	});
	if (child.pid === undefined) {
		throw new Error(`Failed to start ${command}: no process id`);
	}

	const running: RunningProcess = {
		pid: child.pid,
		exited,
		stop: async (graceMs = DEFAULT_STOP_GRACE_MS) => {
			await stopProcessGroup(child, exited, graceMs);
			runningProcesses.delete(running);
		},
	};
	runningProcesses.add(running);
	void exited.then(
		() => runningProcesses.delete(running),
		() => runningProcesses.delete(running),
	);
	return running;
}

/** Runs a command to completion and rejects, with its last output lines, unless it exits 0. */
export async function runCommand(
	command: string,
	args: string[],
	options: CommandOptions,
): Promise<CommandResult> {
	const outputTail: string[] = [];
	let stdout = '';
	const running = startProcess(command, args, {
		...options,
		onStdout: (chunk) => {
			stdout += chunk;
		},
		onLine: (line) => {
			outputTail.push(line);
			if (outputTail.length > OUTPUT_TAIL_LINES) outputTail.shift();
			options.onLine?.(line);
		},
	});

	let timer: NodeJS.Timeout | undefined;
	const timedOut = new Promise<'timeout'>((resolve) => {
		if (options.timeoutMs !== undefined) {
			timer = setTimeout(() => resolve('timeout'), options.timeoutMs);
		}
	});
	const outcome = await Promise.race([running.exited, timedOut]);
	if (timer) clearTimeout(timer);

	// A command stopped by a shutdown request failed for that reason, not for its own.
	throwIfShutdownRequested();
	const commandLine = [command, ...args].join(' ');
	if (outcome === 'timeout') {
		await running.stop(2_000);
		throw new CommandFailedError(
			`${commandLine} timed out after ${options.timeoutMs} ms`,
			outputTail,
		);
	}
	if (outcome !== 0) {
		throw new CommandFailedError(
			`${commandLine} failed with exit code ${String(outcome)}`,
			outputTail,
		);
	}
	return { exitCode: outcome, stdout, outputTail };
}

export class CommandFailedError extends Error {
	constructor(
		message: string,
		readonly outputTail: string[],
	) {
		super(`${message}\n--- last output lines ---\n${outputTail.join('\n')}`);
		this.name = 'CommandFailedError';
	}
}

/** Stops every child process this module started that is still running. */
export async function stopAllProcesses(graceMs = DEFAULT_STOP_GRACE_MS): Promise<void> {
	await Promise.all([...runningProcesses].map((running) => running.stop(graceMs)));
}

/** Sends SIGKILL to every tracked process group at once, for a second Ctrl-C. */
export function killAllProcessesNow(): void {
	for (const running of runningProcesses) signalGroup(running.pid, 'SIGKILL');
}

/** Returns the ids of the child processes this module started that are still running. */
export function runningProcessIds(): number[] {
	return [...runningProcesses].map((running) => running.pid);
}

function forwardLines(
	child: ChildProcess,
	{ onLine, onStdout }: ProcessOptions,
	log: WriteStream | undefined,
): void {
	for (const stream of [child.stdout, child.stderr]) {
		if (!stream) continue;
		let pending = '';
		stream.setEncoding('utf8');
		stream.on('data', (chunk: string) => {
			log?.write(chunk);
			if (stream === child.stdout) onStdout?.(chunk);
			pending += chunk;
			const lines = pending.split('\n');
			pending = lines.pop() ?? '';
			for (const line of lines) onLine?.(line);
		});
		stream.on('end', () => {
			if (pending !== '') onLine?.(pending);
		});
	}
}

async function stopProcessGroup(
	child: ChildProcess,
	exited: Promise<number | null>,
	graceMs: number,
): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;

	signalGroup(child.pid, 'SIGTERM');
	let timer: NodeJS.Timeout | undefined;
	const graceOver = new Promise<'grace over'>((resolve) => {
		timer = setTimeout(() => resolve('grace over'), graceMs);
	});
	const outcome = await Promise.race([exited.catch(() => null), graceOver]);
	if (timer) clearTimeout(timer);

	// Grandchildren (n8n's task runner) may outlive the group leader by a moment, so the
	// whole group gets SIGKILL whether or not the leader exited in time.
	signalGroup(child.pid, 'SIGKILL');
	if (outcome === 'grace over') await exited.catch(() => null);
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pid, signal);
	} catch (error) {
		// ESRCH: the group has no process left, which is the state we want.
		if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
	}
}
