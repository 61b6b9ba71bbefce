import type {
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { startSimulator } from '../../simulator';
import type { Simulator } from '../../simulator';
import { AutomaNet } from '../../nodes/AutomaNet/AutomaNet.node';
import { router } from '../../nodes/AutomaNet/actions/router';
import { PATH } from '../../nodes/shared/transport/wire';
import { MAX_RETRIES } from '../../nodes/shared/transport/retryPolicy';
import { runNode, setUpN8nEnvironment } from '../harness';

/*
 * When the package has its own copy of n8n-workflow, n8n-core throws errors built from n8n's
 * copy. A second copy loaded in an isolated module registry reproduces that: its NodeApiError
 * is a different class from the one the node code imports.
 */
let foreignWorkflow: typeof import('n8n-workflow');
jest.isolateModules(() => {
	foreignWorkflow = require('n8n-workflow') as typeof import('n8n-workflow');
});

type ThrowPlan = (node: INode, call: number) => Error | undefined;

/**
 * Returns the execute context with httpRequestWithAuthentication replaced: call number `call`
 * (from 1) throws what `plan` returns, or goes to n8n's real helper when it returns undefined.
 */
function withThrowingHelper(context: IExecuteFunctions, plan: ThrowPlan): IExecuteFunctions {
	let call = 0;
	const realHelper = context.helpers.httpRequestWithAuthentication;
	const helpers = {
		...context.helpers,
		async httpRequestWithAuthentication(
			this: IExecuteFunctions,
			...args: Parameters<typeof realHelper>
		) {
			call++;
			const error = plan(context.getNode(), call);
			if (error) throw error;
			return await realHelper.call(this, ...args);
		},
	};
	return new Proxy(context, {
		get(target, property) {
			if (property === 'helpers') return helpers;
			const value = Reflect.get(target, property, target) as unknown;
			return typeof value === 'function' ? value.bind(target) : value;
		},
	});
}

/** The Automa.Net action node, run through its router with a helper that follows `plan`. */
function automaNetWithHelper(plan: ThrowPlan): INodeType {
	const description: INodeTypeDescription = {
		...new AutomaNet().description,
		name: 'automaNetWithThrowingHelper',
	};
	return {
		description,
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			return await router.call(withThrowingHelper(this, plan));
		},
	};
}

/** Builds a connection refusal the way n8n-core reports it, with the foreign NodeApiError. */
function foreignConnectionRefused(node: INode): Error {
	const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
		code: 'ECONNREFUSED',
	});
	return new foreignWorkflow.NodeApiError(node, cause as unknown as JsonObject);
}

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({ seed: false });
});

afterAll(async () => {
	await sim.stop();
});

beforeEach(() => {
	sim.reset();
	setUpN8nEnvironment().clear();
});

function runRfqGetMany(plan: ThrowPlan) {
	return runNode({
		node: 'automaNetWithThrowingHelper',
		extraNodeTypes: [automaNetWithHelper(plan)],
		parameters: { resource: 'rfq', operation: 'getAll', direction: 'received', returnAll: true },
		credentials: { apiKey: sim.apiKey, baseUrl: sim.url },
	});
}

describe('errors from another n8n-workflow copy', () => {
	test('foreign error is not our class', () => {
		const error = foreignConnectionRefused({} as INode);

		expect(error.name).toBe('NodeApiError');
		expect(error).not.toBeInstanceOf(NodeApiError);
	});

	test('network error is retried', async () => {
		sim.buyer.postRfq();

		const result = await runRfqGetMany((node, call) =>
			call <= 2 ? foreignConnectionRefused(node) : undefined,
		);

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		const listRequests = sim.state().requests.filter((request) => request.method === 'GET');
		expect(listRequests.map((request) => request.path)).toEqual([PATH.rfqs('received')]);
		const retryLines = result.logger
			.lines('warn')
			.filter((line) => line.includes('network error ECONNREFUSED'));
		expect(retryLines).toHaveLength(2);
	});

	test('network error names the base URL', async () => {
		const result = await runRfqGetMany((node) => foreignConnectionRefused(node));

		expect(result.error?.message).toBe(
			`Could not reach Automa.Net at ${sim.url} (ECONNREFUSED) after ${MAX_RETRIES + 1} attempts`,
		);
		expect(result.error?.description).toContain('Check the base URL');
		expect(sim.state().requests).toEqual([]);
	});

	test('other NodeApiError passes through', async () => {
		const result = await runRfqGetMany(
			(node) =>
				new foreignWorkflow.NodeApiError(
					node,
					{ message: 'Proxy authentication required' },
					{
						message: 'The proxy rejected the request',
						description: 'Check the proxy settings of n8n',
						httpCode: '407',
					},
				),
		);

		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('The proxy rejected the request');
		expect(result.error?.description).toBe('Check the proxy settings of n8n');
		expect((result.error as NodeApiError | undefined)?.httpCode).toBe('407');
	});
});
