import type { IHttpRequestOptions, INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { startSimulator } from '../../simulator';
import type { Simulator } from '../../simulator';
import { PATH } from '../../nodes/shared/transport/wire';
import {
	HarnessCredentialsHelper,
	HarnessNodeTypes,
	nodeTypeName,
	setUpN8nEnvironment,
} from '../harness';
import { testAutomaNetCredential } from '../harness/credentialTest';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({ seed: false });
});

afterAll(async () => {
	await sim.stop();
});

beforeEach(() => {
	sim.reset();
});

function meRequests() {
	return sim.state().requests.filter((request) => request.path === PATH.me);
}

describe('automaNetApi credential test', () => {
	test('right key passes', async () => {
		const result = await testAutomaNetCredential({ apiKey: sim.apiKey, baseUrl: sim.url });

		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(meRequests().map((request) => request.status)).toEqual([200]);
	});

	test('trailing slash in base URL', async () => {
		const result = await testAutomaNetCredential({ apiKey: sim.apiKey, baseUrl: `${sim.url}//` });

		expect(result.status).toBe('OK');
		expect(meRequests()).toHaveLength(1);
	});

	test('wrong key fails with 401 message', async () => {
		const result = await testAutomaNetCredential({ apiKey: 'wrong_key_456', baseUrl: sim.url });

		expect(result.status).toBe('Error');
		expect(result.message).toBe(
			'The Automa.Net API key was rejected. Check the API key and the base URL.',
		);
		expect(result.message).not.toContain('wrong_key_456');
		// n8n-core 2.41.1 sends a request that failed with 401 once more after preAuthentication,
		// in case an expirable token was refreshed, so the test request reaches the API twice.
		expect(meRequests().map((request) => request.status)).toEqual([401, 401]);
	});

	test('base URL without /v1 fails with 404 message', async () => {
		const origin = sim.url.replace(/\/v1$/, '');

		const result = await testAutomaNetCredential({ apiKey: sim.apiKey, baseUrl: origin });

		expect(result).toEqual({
			status: 'Error',
			message:
				'The base URL does not point at the Automa.Net API: GET /me returned 404. Check that the base URL ends with /v1.',
		});
	});

	test('unreachable base URL fails', async () => {
		const stopped = await startSimulator({ seed: false });
		const url = stopped.url;
		await stopped.stop();

		const result = await testAutomaNetCredential({ apiKey: sim.apiKey, baseUrl: url });

		expect(result).toEqual({ status: 'Error', message: 'ECONNREFUSED' });
	});
});

describe('automaNetApi authenticate', () => {
	test('injects the bearer header', async () => {
		setUpN8nEnvironment();
		const nodeTypes = new HarnessNodeTypes();
		const node: INode = {
			id: 'http-request',
			name: 'HTTP Request',
			type: nodeTypeName('harnessStart'),
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		};
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		const helper = new HarnessCredentialsHelper();
		const options: IHttpRequestOptions = {
			url: `${sim.url}${PATH.me}`,
			headers: { Accept: 'application/json' },
		};

		const authenticated = await helper.authenticate(
			{ apiKey: 'key_789', baseUrl: sim.url },
			'automaNetApi',
			options,
			workflow,
			node,
		);

		expect(authenticated.headers).toEqual({
			Accept: 'application/json',
			Authorization: 'Bearer key_789',
		});
	});
});
