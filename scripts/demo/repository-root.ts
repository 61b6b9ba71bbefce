import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const PACKAGE_NAME = 'n8n-nodes-automanet';

/**
 * Finds the repository root from this file's folder, so the same code works from the sources
 * (scripts/demo under ts-jest) and from the compiled copy (build/scripts/demo).
 */
export function findRepositoryRoot(start: string = __dirname): string {
	let folder = start;
	for (;;) {
		const manifest = path.join(folder, 'package.json');
		if (existsSync(manifest)) {
			const name = (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name;
			if (name === PACKAGE_NAME) return folder;
		}
		const parent = path.dirname(folder);
		if (parent === folder) {
			throw new Error(`No package.json named ${PACKAGE_NAME} above ${start}`);
		}
		folder = parent;
	}
}
