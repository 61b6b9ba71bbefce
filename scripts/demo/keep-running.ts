/**
 * The end of `npm run demo -- --keep`: after the sale, n8n and the simulator keep running, so the
 * workflows and their executions can be opened in the editor and the simulator's records read.
 */
import { bearer, HEADER, PATH } from '../../nodes/shared/transport/wire';
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
	const { simulator } = environment;
	// The key is a random throwaway that only this local simulator accepts, and it stops
	// working when the demo stops, so printing it exposes nothing.
	return [
		`n8n editor:  ${environment.n8n.baseUrl}`,
		ownerLine,
		`simulator:   ${simulator.url} (API key ${simulator.apiKey})`,
		`             curl -H '${HEADER.authorization}: ${bearer(simulator.apiKey)}' ${simulator.url}${PATH.rfqs('received')}`,
		`sim state:   ${simulator.adminUrl}/state (admin routes need no key)`,
		`post an RFQ (runs the "RFQ to quote" workflow):`,
		`             curl -X POST -H 'Content-Type: application/json' -d '{}' ${simulator.adminUrl}/rfqs`,
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
