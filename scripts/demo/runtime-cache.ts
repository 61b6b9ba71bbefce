/**
 * Node 24 and n8n 2.41.1 in a per-user cache outside the repository. n8n 2.41 requires Node 24
 * while the project builds with the system Node, so both come from the npm registry: Node from
 * its `node` package, n8n from its own package. A marker file records a verified install, a
 * half-done install is removed and redone, and a later run reuses the cache.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { environmentWithoutNpmRun, runCommand } from './child-processes';
import { withInstallLock } from './install-lock';

export const N8N_VERSION = '2.41.1';
export const NODE_MAJOR_VERSION = 24;

/** Written when an install starts and removed when it completes and passes verification. */
const STARTED_MARKER = '.install-started';
const COMPLETE_MARKER = '.install-complete';
const PROGRESS_INTERVAL_MS = 15_000;
/** Estimates of the npm install times on a developer machine, shown while installing. */
const NODE_INSTALL_ESTIMATE = 'about 10 s';
const N8N_INSTALL_ESTIMATE = 'about 3 to 6 min and 3 GB';

export interface N8nRuntime {
	cacheDir: string;
	/** Node 24 binary that runs n8n. */
	nodeBinary: string;
	/** n8n's bin/n8n script, run as `<nodeBinary> <n8nScript> <command>`. */
	n8nScript: string;
}

export type ProgressReporter = (line: string) => void;

/** Returns `$XDG_CACHE_HOME/n8n-nodes-automanet`, or `~/.cache/n8n-nodes-automanet`. */
export function runtimeCacheDirectory(env: NodeJS.ProcessEnv = process.env): string {
	const base = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, 'n8n-nodes-automanet');
}

/** Makes sure Node 24 and n8n are installed and verified in the cache, installing whatever is missing. */
export async function ensureRuntime(report: ProgressReporter): Promise<N8nRuntime> {
	const cacheDir = runtimeCacheDirectory();
	mkdirSync(path.join(cacheDir, 'logs'), { recursive: true });

	return await withInstallLock(cacheDir, report, async () => {
		const nodeBinary = await ensureNode(cacheDir, report);
		const n8nScript = await ensureN8n(cacheDir, nodeBinary, report);
		return { cacheDir, nodeBinary, n8nScript };
	});
}

async function ensureNode(cacheDir: string, report: ProgressReporter): Promise<string> {
	const installDir = path.join(cacheDir, `node${NODE_MAJOR_VERSION}`);
	const nodeBinary = path.join(installDir, 'node_modules', '.bin', 'node');
	const verify = async () => await verifyNode(nodeBinary);

	if (await isInstalled(installDir, verify, report)) {
		report(`Node ${NODE_MAJOR_VERSION}: cached at ${nodeBinary}`);
		return nodeBinary;
	}

	report(`Node ${NODE_MAJOR_VERSION}: installing into ${installDir} (${NODE_INSTALL_ESTIMATE})`);
	prepareEmptyFolder(installDir, { name: 'automanet-demo-node-runtime', private: true });
	await runNpm(
		// The `node` package downloads the platform binary in its preinstall script, so scripts
		// must run here even where the user's npm config ignores them.
		['install', '--no-audit', '--no-fund', '--ignore-scripts=false', `node@${NODE_MAJOR_VERSION}`],
		installDir,
		path.join(cacheDir, 'logs', 'node-install.log'),
		report,
		`Node ${NODE_MAJOR_VERSION}`,
	);
	await markInstalled(installDir, verify);
	report(`Node ${NODE_MAJOR_VERSION}: installed`);
	return nodeBinary;
}

async function ensureN8n(
	cacheDir: string,
	nodeBinary: string,
	report: ProgressReporter,
): Promise<string> {
	const installDir = path.join(cacheDir, `n8n-${N8N_VERSION}`);
	const n8nScript = path.join(installDir, 'node_modules', 'n8n', 'bin', 'n8n');
	const verify = async () => await verifyN8n(installDir, nodeBinary, n8nScript);

	if (await isInstalled(installDir, verify, report)) {
		report(`n8n ${N8N_VERSION}: cached at ${installDir}`);
		return n8nScript;
	}

	report(`n8n ${N8N_VERSION}: installing into ${installDir} (${N8N_INSTALL_ESTIMATE})`);
	prepareEmptyFolder(installDir, {
		name: 'automanet-demo-n8n-runtime',
		private: true,
		dependencies: { n8n: N8N_VERSION },
	});
	const logFile = path.join(cacheDir, 'logs', 'n8n-install.log');
	// Install scripts stay off: one of n8n's native dependencies downloads a prebuilt binary
	// from outside the npm registry and fails the whole install where that host is unreachable.
	await runNpm(
		['install', '--no-audit', '--no-fund', '--ignore-scripts'],
		installDir,
		logFile,
		report,
		`n8n ${N8N_VERSION}`,
	);
	// sqlite3 is the one native module n8n needs for its default database. It is a Node-API
	// module, so building it with the system Node's headers also serves Node 24.
	report(`n8n ${N8N_VERSION}: building sqlite3 from source (about 1 to 3 min)`);
	await runNpm(
		['rebuild', '--ignore-scripts=false', 'sqlite3'],
		installDir,
		logFile,
		report,
		'sqlite3',
	);
	await markInstalled(installDir, verify);
	report(`n8n ${N8N_VERSION}: installed`);
	return n8nScript;
}

/**
 * Returns true when the folder contains a verified install. A folder whose install started here
 * but never completed is not one, even if it looks usable: npm may have stopped halfway. A
 * folder without either marker (installed by hand) that passes verification gets adopted.
 */
async function isInstalled(
	installDir: string,
	verify: () => Promise<string | undefined>,
	report: ProgressReporter,
): Promise<boolean> {
	if (!existsSync(installDir)) return false;
	const started = existsSync(path.join(installDir, STARTED_MARKER));
	const complete = existsSync(path.join(installDir, COMPLETE_MARKER));
	if (started && !complete) {
		report(`${installDir}: an earlier install did not finish, installing again`);
		return false;
	}

	const problem = await verify();
	if (problem !== undefined) {
		report(`${installDir}: not usable (${problem}), installing again`);
		return false;
	}
	if (!complete) writeMarker(installDir, COMPLETE_MARKER);
	return true;
}

async function markInstalled(installDir: string, verify: () => Promise<string | undefined>) {
	const problem = await verify();
	if (problem !== undefined) {
		throw new Error(`Install in ${installDir} finished but is not usable: ${problem}`);
	}
	writeMarker(installDir, COMPLETE_MARKER);
	rmSync(path.join(installDir, STARTED_MARKER), { force: true });
}

function writeMarker(installDir: string, marker: string): void {
	writeFileSync(path.join(installDir, marker), `${new Date().toISOString()}\n`);
}

/** Returns undefined when the binary is a working Node of the wanted major version. */
async function verifyNode(nodeBinary: string): Promise<string | undefined> {
	if (!existsSync(nodeBinary)) return `${nodeBinary} is missing`;
	try {
		const result = await runCommand(nodeBinary, ['--version'], {
			cwd: path.dirname(nodeBinary),
			env: environmentWithoutNpmRun(),
			timeoutMs: 30_000,
		});
		const version = result.stdout.trim();
		if (!version.startsWith(`v${NODE_MAJOR_VERSION}.`)) {
			return `${nodeBinary} reports ${version}, expected v${NODE_MAJOR_VERSION}.x`;
		}
		return undefined;
	} catch (error) {
		return (error as Error).message;
	}
}

/** Returns undefined when n8n has the wanted version and its sqlite3 module loads in Node 24. */
async function verifyN8n(
	installDir: string,
	nodeBinary: string,
	n8nScript: string,
): Promise<string | undefined> {
	const manifest = path.join(installDir, 'node_modules', 'n8n', 'package.json');
	if (!existsSync(manifest) || !existsSync(n8nScript)) return 'n8n is not installed';
	const version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version;
	if (version !== N8N_VERSION)
		return `n8n ${String(version)} is installed, expected ${N8N_VERSION}`;

	try {
		await runCommand(nodeBinary, ['-e', "require('sqlite3')"], {
			cwd: installDir,
			env: environmentWithoutNpmRun(),
			timeoutMs: 60_000,
		});
		return undefined;
	} catch (error) {
		return `sqlite3 does not load: ${(error as Error).message}`;
	}
}

function prepareEmptyFolder(installDir: string, manifest: object): void {
	rmSync(installDir, { recursive: true, force: true });
	mkdirSync(installDir, { recursive: true });
	writeMarker(installDir, STARTED_MARKER);
	writeFileSync(path.join(installDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

async function runNpm(
	args: string[],
	installDir: string,
	logFile: string,
	report: ProgressReporter,
	label: string,
): Promise<void> {
	const started = Date.now();
	let registryFetches = 0;
	const timer = setInterval(() => {
		const seconds = Math.round((Date.now() - started) / 1000);
		report(
			`${label}: npm ${args[0]} running for ${seconds} s, ${registryFetches} registry fetches, ${countPackages(installDir)} packages unpacked`,
		);
	}, PROGRESS_INTERVAL_MS);
	try {
		// --loglevel=http prints one line per registry fetch, which is the only sign of progress
		// while npm resolves n8n's ~2,300 packages before it unpacks any.
		await runCommand('npm', [...args, '--loglevel=http'], {
			cwd: installDir,
			// ~/.npmrc may set yes=false, which aborts packages whose scripts call npx.
			env: { ...environmentWithoutNpmRun(), npm_config_yes: 'true' },
			logFile,
			onLine: (line) => {
				if (line.includes('http fetch')) registryFetches += 1;
			},
		});
	} catch (error) {
		throw new Error(
			`${label}: npm ${args[0]} failed, full log in ${logFile}\n${(error as Error).message}`,
		);
	} finally {
		clearInterval(timer);
	}
}

function countPackages(installDir: string): number {
	const modules = path.join(installDir, 'node_modules');
	if (!existsSync(modules)) return 0;
	let count = 0;
	for (const entry of readdirSync(modules)) {
		if (entry.startsWith('.')) continue;
		count += entry.startsWith('@') ? readdirSync(path.join(modules, entry)).length : 1;
	}
	return count;
}
