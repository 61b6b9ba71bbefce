/**
 * Everything a sale runs on: the Automa.Net simulator and a real n8n 2.41.1 with this package
 * installed from its packed tarball, the example workflows imported and published, and each
 * Automa.Net Trigger's webhook registered on the simulator. Both listen on 127.0.0.1 only.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startSimulator, type Simulator } from '../../simulator';
import {
	countWebhookTriggers,
	EXAMPLE_CREDENTIAL_NAME,
	readExampleWorkflows,
	type ExampleWorkflow,
} from './example-workflows';
import { findFreePort } from './free-port';
import { N8nInstance } from './n8n-instance';
import { N8nRestClient } from './n8n-rest-client';
import { installIntoN8nUserFolder, packPackage } from './package-installation';
import { findRepositoryRoot } from './repository-root';
import { ensureRuntime, type ProgressReporter } from './runtime-cache';
import { waitUntil } from './wait-until';

const WEBHOOK_REGISTRATION_TIMEOUT_MS = 60_000;

export interface DemoEnvironmentOptions {
	/** Receives one line per setup step. */
	report: ProgressReporter;
	/** Receives each line n8n prints. */
	onN8nLine?: (line: string) => void;
	/** Receives each line the simulator logs. */
	onSimulatorLine?: (line: string) => void;
	/**
	 * Workflow JSON files imported beside the example workflows but left unpublished, for a
	 * caller that publishes them later through n8n's REST API.
	 */
	unpublishedWorkflowFiles?: string[];
}

export interface DemoEnvironment {
	simulator: Simulator;
	n8n: N8nInstance;
	n8nRest: N8nRestClient;
	workflows: ExampleWorkflow[];
	/** Temporary folder with the n8n user folder and the packed tarball; removed by stop(). */
	workDir: string;
	/** Stops n8n and the simulator and removes the temporary folder. Safe to call twice. */
	stop(): Promise<void>;
}

/** Starts the simulator and n8n. On failure, stops whatever it had started and rethrows. */
export async function startDemoEnvironment(
	options: DemoEnvironmentOptions,
): Promise<DemoEnvironment> {
	const { report } = options;
	const cleanups: Array<() => Promise<void> | void> = [];
	const stop = async () => {
		while (cleanups.length > 0) {
			const cleanup = cleanups.pop();
			try {
				await cleanup?.();
			} catch (error) {
				report(`cleanup failed: ${(error as Error).message}`);
			}
		}
	};

	try {
		const runtime = await ensureRuntime(report);
		const repositoryRoot = findRepositoryRoot();
		const workflows = readExampleWorkflows(repositoryRoot);

		const workDir = mkdtempSync(path.join(os.tmpdir(), 'automanet-demo-'));
		cleanups.push(() => rmSync(workDir, { recursive: true, force: true }));
		const userFolder = path.join(workDir, 'n8n-user');
		mkdirSync(userFolder);

		report('package: packing the built package and installing it into n8n');
		const tarball = await packPackage(repositoryRoot, path.join(workDir, 'pack'));
		await installIntoN8nUserFolder(tarball, userFolder);
		report(`package: ${path.basename(tarball)} installed into ${userFolder}/.n8n/nodes`);

		const simulator = await startSimulator({
			port: 0,
			apiKey: `sim_demo_${randomBytes(12).toString('hex')}`,
			seed: false,
			log: options.onSimulatorLine,
		});
		cleanups.push(() => simulator.stop());
		report(`simulator: listening on ${simulator.url}`);

		const n8n = new N8nInstance(
			runtime,
			{
				userFolder,
				port: await findFreePort(),
				taskBrokerPort: await findFreePort(),
				encryptionKey: randomBytes(24).toString('hex'),
			},
			options.onN8nLine,
		);
		cleanups.push(() => n8n.stop());

		report('n8n: importing the credential and the example workflows');
		await n8n.importCredentials([
			{
				id: 'automaNetDemoCred',
				name: EXAMPLE_CREDENTIAL_NAME,
				type: 'automaNetApi',
				data: { apiKey: simulator.apiKey, baseUrl: simulator.url, webhookSecret: '' },
			},
		]);
		const workflowsFile = path.join(workDir, 'workflows.json');
		const unpublished = (options.unpublishedWorkflowFiles ?? []).map(
			(file) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>,
		);
		writeFileSync(
			workflowsFile,
			JSON.stringify([...workflows.map((workflow) => workflow.json), ...unpublished]),
		);
		await n8n.importWorkflows(workflowsFile);
		for (const workflow of workflows) {
			await n8n.publishWorkflow(workflow.id);
			report(`n8n: published "${workflow.name}"`);
		}

		report(`n8n: starting on ${n8n.baseUrl} (log: ${n8n.logFile})`);
		await n8n.start();
		const n8nRest = new N8nRestClient(n8n.baseUrl);
		await n8nRest.setUpOwner();
		report(`n8n: ready (pid ${String(n8n.serverPid)})`);

		const expectedWebhooks = workflows.reduce(
			(count, workflow) => count + countWebhookTriggers(workflow),
			0,
		);
		await waitUntil(
			`${expectedWebhooks} webhook subscriptions from n8n on the simulator`,
			() => {
				const webhooks = simulator.state().webhooks;
				const fromN8n = webhooks.filter((webhook) => webhook.url.startsWith(n8n.baseUrl));
				return fromN8n.length >= expectedWebhooks ? fromN8n : undefined;
			},
			{ timeoutMs: WEBHOOK_REGISTRATION_TIMEOUT_MS },
		);
		report(`n8n: ${expectedWebhooks} Automa.Net Trigger webhooks registered on the simulator`);

		return { simulator, n8n, n8nRest, workflows, workDir, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}
