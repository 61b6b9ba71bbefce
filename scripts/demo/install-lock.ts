/**
 * A lock folder in the runtime cache, so that two runs on one machine (a demo and an
 * end-to-end test) never install into the same folder at once. mkdir is atomic, and the
 * folder contains the owner's process id so that a lock left by a killed run is taken over.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { ProgressReporter } from './runtime-cache';
import { delay } from './wait-until';
import { throwIfShutdownRequested } from './shutdown';

const RETRY_INTERVAL_MS = 2_000;

/** Runs `work` while holding the cache's install lock, waiting for another holder to finish. */
export async function withInstallLock<T>(
	cacheDir: string,
	report: ProgressReporter,
	work: () => Promise<T>,
): Promise<T> {
	const lockDir = path.join(cacheDir, 'install.lock');
	const ownerFile = path.join(lockDir, 'pid');
	let waitingReported = false;

	for (;;) {
		throwIfShutdownRequested();
		try {
			mkdirSync(lockDir);
			writeFileSync(ownerFile, String(process.pid));
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}

		const owner = readOwner(ownerFile);
		if (owner !== undefined && !isRunning(owner)) {
			report(`install lock: process ${owner} ended without releasing it, taking it over`);
			rmSync(lockDir, { recursive: true, force: true });
			continue;
		}
		if (!waitingReported) {
			report(`install lock: waiting for process ${owner ?? '(starting)'} to finish its install`);
			waitingReported = true;
		}
		await delay(RETRY_INTERVAL_MS);
	}

	try {
		return await work();
	} finally {
		rmSync(lockDir, { recursive: true, force: true });
	}
}

function readOwner(ownerFile: string): number | undefined {
	try {
		const owner = Number(readFileSync(ownerFile, 'utf8').trim());
		return Number.isInteger(owner) && owner > 0 ? owner : undefined;
	} catch {
		// The holder created the folder but has not written its id yet.
		return undefined;
	}
}

function isRunning(processId: number): boolean {
	try {
		process.kill(processId, 0);
		return true;
	} catch (error) {
		// EPERM: the process exists but belongs to another user.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
