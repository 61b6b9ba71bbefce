import { startSimulator } from '../../simulator';
import type { Simulator } from '../../simulator';
import { PATH } from '../../nodes/shared/transport/wire';
import { runNode } from '.';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({ seed: false });
});

afterAll(async () => {
	await sim.stop();
});

describe('runNode', () => {
	test('passes items with pairedItem', async () => {
		const result = await runNode({
			node: 'transportProbe',
			parameters: { call: 'request', method: 'GET', path: PATH.me },
			inputItems: [{ row: 1 }, { row: 2 }, { row: 3 }],
			credentials: { apiKey: sim.apiKey, baseUrl: sim.url },
			executionId: 'execution-42',
		});

		expect(result.error).toBeUndefined();
		expect(result.executionId).toBe('execution-42');
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(result.tasks).toHaveLength(1);
	});

	test('continueOnFail passes input through', async () => {
		const result = await runNode({
			node: 'transportProbe',
			parameters: {
				call: 'request',
				method: 'GET',
				path: PATH.quote('qt_none'),
				objectLabel: 'quote "qt_none"',
			},
			inputItems: [{ row: 1 }],
			credentials: { apiKey: sim.apiKey, baseUrl: sim.url },
			settings: { continueOnFail: true },
		});

		// When a node that continues on fail throws, n8n-core 2.41.1 records the error on the task
		// and outputs the node's input items. A node must build its own error items.
		expect(result.error?.message).toBe('Quote "qt_none" was not found in Automa.Net');
		expect(result.items).toEqual([{ json: { row: 1 }, pairedItem: { item: 0 } }]);
	});

	test('missing credential fails', async () => {
		const result = await runNode({
			node: 'transportProbe',
			parameters: { call: 'request', method: 'GET', path: PATH.me },
			credentials: null,
		});

		expect(result.error?.message).toBe('Node does not have any credentials set');
		expect(result.items).toEqual([]);
	});
});

describe('runNode runs', () => {
	test('one task per run', async () => {
		const result = await runNode({
			node: 'transportProbe',
			parameters: { call: 'request', method: 'GET', path: PATH.me },
			runs: [[{ run: 0 }], [{ run: 1 }, { run: 1 }]],
			credentials: { apiKey: sim.apiKey, baseUrl: sim.url },
		});

		expect(result.error).toBeUndefined();
		expect(result.tasks).toHaveLength(2);
		expect(result.tasks.map((task) => task.data?.main[0]?.length)).toEqual([1, 2]);
		expect(result.items).toHaveLength(2);
	});
});
