/**
 * Installs this package into an n8n user folder the way a user does: `npm pack` the built
 * package, then `npm install` the tarball into `<user folder>/.n8n/nodes`, where n8n loads
 * community packages from at startup.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { environmentWithoutNpmRun, runCommand } from './child-processes';

/** Packs the built package (dist/ must exist) into `destination` and returns the tarball path. */
export async function packPackage(repositoryRoot: string, destination: string): Promise<string> {
	if (!existsSync(path.join(repositoryRoot, 'dist'))) {
		throw new Error(`${repositoryRoot}/dist is missing: run \`npm run build\` first`);
	}
	mkdirSync(destination, { recursive: true });

	const result = await runCommand(
		'npm',
		['pack', '--json', '--ignore-scripts', '--pack-destination', destination],
		{ cwd: repositoryRoot, env: environmentWithoutNpmRun(), timeoutMs: 120_000 },
	);
	const packed = JSON.parse(result.stdout) as Array<{ filename: string }>;
	const tarball = path.join(destination, packed[0].filename);
	if (!existsSync(tarball)) throw new Error(`npm pack reported ${tarball}, which does not exist`);
	return tarball;
}

/** Installs a packed tarball into the community nodes folder of an n8n user folder. */
export async function installIntoN8nUserFolder(tarball: string, userFolder: string): Promise<void> {
	const nodesFolder = path.join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodesFolder, { recursive: true });
	writeFileSync(
		path.join(nodesFolder, 'package.json'),
		`${JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2)}\n`,
	);

	// The package's only dependency is the peer n8n-workflow, which n8n itself provides, so
	// --legacy-peer-deps keeps npm from installing a second copy.
	await runCommand(
		'npm',
		['install', '--legacy-peer-deps', '--no-audit', '--no-fund', '--ignore-scripts', tarball],
		{ cwd: nodesFolder, env: environmentWithoutNpmRun(), timeoutMs: 300_000 },
	);
}
