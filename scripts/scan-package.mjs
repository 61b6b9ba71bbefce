// Runs n8n's community-package scanner rule set (the bar for verified nodes) on this package:
// on the TypeScript sources, as the scanner does on a package's attested source, and on the
// packed tarball, as it does on what npm would publish. Needs `npm run build` first.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// The scanner creates a temporary folder with the `tmp` package when it is imported and never
// removes it. Pointing TMPDIR (read by os.tmpdir()) at a folder of this run before the import
// puts it where the cleanup below removes it, together with the unpacked tarball.
const scanTempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'automanet-scan-'));
process.env.TMPDIR = scanTempDir;

try {
	const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(
		'@n8n/scan-community-package/scanner/scanner.mjs'
	);

	const unpacked = path.join(scanTempDir, 'package');
	fs.mkdirSync(unpacked);
	const packOutput = execFileSync('npm', ['pack', '--json', '--pack-destination', unpacked], {
		cwd: root,
		encoding: 'utf8',
	});
	const tarball = path.join(unpacked, JSON.parse(packOutput)[0].filename);
	execFileSync('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1']);
	fs.rmSync(tarball);

	const results = [
		['source', await analyzePackage(root, SOURCE_FILE_PATTERNS)],
		['packed package', await analyzePackage(unpacked, ['**/*.js', 'package.json'])],
	];

	let failed = false;
	for (const [label, result] of results) {
		console.log(`community-package scan of the ${label}: ${result.passed ? 'passed' : 'FAILED'}`);
		if (!result.passed) {
			failed = true;
			console.log(result.message ?? '');
			if (result.details) console.log(result.details);
		}
	}
	process.exitCode = failed ? 1 : 0;
} finally {
	fs.rmSync(scanTempDir, { recursive: true, force: true });
}
