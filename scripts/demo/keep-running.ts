/**
 * The end of `npm run demo -- --keep`: after the sale, n8n and the simulator keep running, so the
 * workflows and their executions can be opened in the editor and the simulator's records read.
 */
import type { DemoEnvironment } from './demo-environment';
import { shutdownSignal } from './shutdown';

/** Reason the wait ended: a shutdown request (Ctrl-C, SIGTERM), or n8n exited on its own. */
export type KeepRunningEnd = 'shutdown requested' | 'n8n exited';

/** Returns the lines that tell how to reach n8n's editor and the simulator. */
export function describeRunningEnvironment(environment: DemoEnvironment): string[] {
	const login = environment.n8nRest.ownerLogin;
	const ownerLine = login
		? `owner login: ${login.email} / ${login.password}`
		: 'owner login: none yet, the editor asks to create the owner account at the first visit';
	return [
		`n8n editor:  ${environment.n8n.baseUrl}`,
		ownerLine,
		`simulator:   ${environment.simulator.url} (admin routes at ${environment.simulator.adminUrl})`,
	];
}

/** Waits until a shutdown is requested or the n8n server exits, whichever comes first. */
export async function keepRunningUntilShutdown(
	environment: DemoEnvironment,
): Promise<KeepRunningEnd> {
	const shutdown = new Promise<KeepRunningEnd>((resolve) => {
		if (shutdownSignal.aborted) resolve('shutdown requested');
		shutdownSignal.addEventListener('abort', () => resolve('shutdown requested'), { once: true });
	});
	const exited = environment.n8n.serverExited;
	if (!exited) return 'n8n exited';

	const n8nExited = exited.then(
		(): KeepRunningEnd => 'n8n exited',
		(): KeepRunningEnd => 'n8n exited',
	);
	return await Promise.race([shutdown, n8nExited]);
}
