import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

import axios from 'axios';

import { PATH } from '../../nodes/shared/transport/wire';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'build/simulator/cli.js');

function newestSourceMs(directory: string): number {
	let newest = 0;
	for (const entry of readdirSync(directory, { withFileTypes: true })) {
		const full = path.join(directory, entry.name);
		if (entry.isDirectory()) newest = Math.max(newest, newestSourceMs(full));
		else newest = Math.max(newest, statSync(full).mtimeMs);
	}
	return newest;
}

/** Compiles the simulator when build/simulator is missing or older than its sources. */
function ensureBuilt(): void {
	const sourcesMs = Math.max(
		newestSourceMs(path.join(ROOT, 'simulator')),
		statSync(path.join(ROOT, 'nodes/shared/transport/wire.ts')).mtimeMs,
	);
	let builtMs = 0;
	try {
		builtMs = statSync(CLI).mtimeMs;
	} catch {
		builtMs = 0;
	}
	if (builtMs > sourcesMs) return;
	execFileSync(
		process.execPath,
		[require.resolve('typescript/bin/tsc'), '-p', 'simulator/tsconfig.json'],
		{
			cwd: ROOT,
			stdio: 'pipe',
		},
	);
}

describe('simulator CLI', () => {
	beforeAll(() => ensureBuilt(), 60000);

	test('starts, serves and stops', async () => {
		const child = spawn(
			process.execPath,
			[CLI, '--port', '0', '--api-key', 'cli_key', '--no-seed'],
			{
				cwd: ROOT,
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		const lines = createInterface({ input: child.stdout });
		const iterator = lines[Symbol.asyncIterator]();
		const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
		try {
			const first = String((await iterator.next()).value);
			const match = /^Automa\.Net simulator listening on (http:\/\/127\.0\.0\.1:\d+\/v1)$/.exec(
				first,
			);
			expect(match).not.toBeNull();
			const url = match?.[1] ?? '';

			const response = await axios.get(`${url}${PATH.rfqs('received')}`, {
				headers: { Authorization: 'Bearer cli_key' },
				proxy: false,
			});
			const logLine = String((await iterator.next()).value);

			expect(response.data.pagination.totalItems).toBe(0);
			expect(logLine).toMatch(/^GET \/v1\/rfqs\/received 200 \d+ms$/);
		} finally {
			child.kill('SIGTERM');
		}
		expect(await exited).toBe(0);
	});

	test('--help prints usage', () => {
		const result = spawnSync(process.execPath, [CLI, '--help'], { cwd: ROOT, encoding: 'utf8' });

		expect(result.status).toBe(0);
		expect(result.stderr).toBe('');
		expect(result.stdout).toMatch(/^Usage: node build\/simulator\/cli\.js \[options\]/);
		for (const option of ['--port N', '--api-key KEY', '--no-seed', '--retry-delays-ms LIST']) {
			expect(result.stdout).toContain(`  ${option} `);
		}
	});

	test('--help after other options', () => {
		const result = spawnSync(process.execPath, [CLI, '--port', '0', '--help'], {
			cwd: ROOT,
			encoding: 'utf8',
		});

		expect(result.status).toBe(0);
		expect(result.stdout).toMatch(/^Usage: /);
	});

	test('unknown option exits 2 with usage', () => {
		const result = spawnSync(process.execPath, [CLI, '--colour', 'blue'], {
			cwd: ROOT,
			encoding: 'utf8',
		});

		expect(result.status).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toMatch(/^unknown option --colour\n\nUsage: /);
		expect(result.stderr).toContain('--retry-delays-ms LIST');
	});

	test.each([
		['missing value', ['--port'], /^missing value after --port\n/],
		['invalid port', ['--port', '70000'], /^invalid --port 70000: /],
		['invalid delays', ['--retry-delays-ms', '100,soon'], /^invalid --retry-delays-ms 100,soon: /],
	])('%s exits 2', (_case, args, message) => {
		const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });

		expect(result.status).toBe(2);
		expect(result.stderr).toMatch(message);
		expect(result.stderr).toContain('Usage: ');
	});
});
