import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Simulator } from '../../../simulator';
import { runNode } from '../../harness';
import type { RunNodeOptions, RunNodeResult } from '../../harness';

/** Runs the Automa.Net action node against the simulator with a valid credential. */
export function runAutomaNet(
	sim: Simulator,
	parameters: IDataObject,
	overrides: Partial<RunNodeOptions> = {},
): Promise<RunNodeResult> {
	return runNode({
		node: 'automaNet',
		parameters: parameters as INodeParameters,
		credentials: { apiKey: sim.apiKey, baseUrl: sim.url },
		...overrides,
	});
}

/** Builds a resource locator value in By ID mode. */
export function byId(value: string): IDataObject {
	return { __rl: true, mode: 'id', value };
}

/** Returns the API requests the simulator received, without the admin routes. */
export function apiRequests(sim: Simulator) {
	return sim.state().requests;
}

/** Returns the JSON of each output item. */
export function outputJson(result: RunNodeResult): IDataObject[] {
	return result.items.map((item) => item.json);
}
