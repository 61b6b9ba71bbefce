import { LoadOptionsContext } from 'n8n-core';
import type { ILoadOptionsFunctions, INode, INodeListSearchResult } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { startSimulator, type Simulator } from '../../../simulator';
import { AutomaNet } from '../../../nodes/AutomaNet/AutomaNet.node';
import {
	CREDENTIAL_TYPE,
	HarnessCredentialsHelper,
	HarnessNodeTypes,
	createAdditionalData,
	nodeTypeName,
	setUpN8nEnvironment,
} from '../../harness';
import { apiRequests, byId, runAutomaNet } from './runAutomaNet';

type SearchMethod = (
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) => Promise<INodeListSearchResult>;

const node = new AutomaNet();
const listSearch = node.methods.listSearch as Record<string, SearchMethod>;

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator();
});

afterAll(async () => {
	await sim.stop();
});

beforeEach(() => {
	sim.reset();
});

/** Builds a real n8n LoadOptionsContext for the node, as the editor does for a From List search. */
function loadOptionsContext(parameterPath: string): ILoadOptionsFunctions {
	setUpN8nEnvironment();
	const credentialsHelper = new HarnessCredentialsHelper();
	credentialsHelper.setCredentials(CREDENTIAL_TYPE, { apiKey: sim.apiKey, baseUrl: sim.url });
	const automaNetNode: INode = {
		id: 'list-search-node',
		name: 'Automa.Net',
		type: nodeTypeName('automaNet'),
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [CREDENTIAL_TYPE]: { id: 'automanet-credential', name: 'Automa.Net' } },
	};
	const workflow = new Workflow({
		nodes: [automaNetNode],
		connections: {},
		active: false,
		nodeTypes: new HarnessNodeTypes(),
	});
	const additionalData = createAdditionalData({ credentialsHelper });
	return new LoadOptionsContext(workflow, automaNetNode, additionalData, parameterPath);
}

function search(
	method: string,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return listSearch[method].call(loadOptionsContext('parameters.id'), filter, paginationToken);
}

describe('action node list search', () => {
	test('every locator names a method', () => {
		const methods = node.description.properties
			.filter((property) => property.type === 'resourceLocator')
			.flatMap((property) => property.modes ?? [])
			.map((mode) => mode.typeOptions?.searchListMethod)
			.filter((method): method is string => method !== undefined);

		expect(new Set(methods)).toEqual(
			new Set(['searchRfqs', 'searchQuotes', 'searchOrders', 'searchPayments']),
		);
		for (const method of methods) expect(typeof listSearch[method]).toBe('function');
	});

	test('RFQs: received, then sent', async () => {
		const first = await search('searchRfqs');
		const second = await search('searchRfqs', undefined, first.paginationToken);

		expect(first.results.map((result) => result.value)).toEqual([
			'rfq_2Qw8zT5',
			'rfq_9Lm4pR8',
			'rfq_7Hc2kQ1',
			'rfq_8Nd6jW2',
		]);
		expect(first.results[2].name).toBe('RFQ-2026-00041 · Noordveld Packaging B.V. (open)');
		expect(first.paginationToken).toBe('1:1');
		expect(second.results.map((result) => result.value)).toEqual(['rfq_5Xe1vN3']);
		expect(second.paginationToken).toBeUndefined();
		expect(apiRequests(sim).map((request) => request.path)).toEqual([
			'/rfqs/received',
			'/rfqs/sent',
		]);
		expect(apiRequests(sim)[0].query).toEqual({ page: '1', perPage: '50', sort: '-createdAt' });
	});

	test('RFQs: search goes to the API', async () => {
		const result = await search('searchRfqs', ' Pilz ');

		expect(apiRequests(sim)[0].query.search).toBe('Pilz');
		expect(result.results.map((item) => item.value)).toEqual(['rfq_7Hc2kQ1']);
	});

	test('quotes page with a token', async () => {
		sim.seed.quotes(120);

		const first = await search('searchQuotes');
		const second = await search('searchQuotes', '', first.paginationToken);
		const third = await search('searchQuotes', '', second.paginationToken);

		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('0:2');
		expect(second.results).toHaveLength(50);
		expect(third.results).toHaveLength(20);
		expect(third.paginationToken).toBeUndefined();
		const ids = [...first.results, ...second.results, ...third.results].map((item) => item.value);
		expect(new Set(ids).size).toBe(120);
	});

	test('quotes: text matched across pages', async () => {
		const created = await runAutomaNet(sim, {
			resource: 'quote',
			operation: 'create',
			currency: 'EUR',
			validUntil: '2099-12-31',
			itemsInputMode: 'fields',
			items: { item: [{ partNumber: '774310', brand: 'Pilz', quantity: 2, unitPrice: 189 }] },
			additionalFields: { buyerCompanyName: 'Nordwerk GmbH', buyerEmail: 'buyer@nordwerk.example' },
		});
		const quote = created.items[0].json;
		sim.seed.quotes(120);

		const result = await search('searchQuotes', 'nordwerk');

		expect(result.results).toEqual([
			{ name: `${quote.number} · Nordwerk GmbH · 378.00 EUR (draft)`, value: quote.id },
		]);
		expect(result.paginationToken).toBeUndefined();
		const listRequests = apiRequests(sim).filter((request) => request.method === 'GET');
		expect(listRequests.map((request) => request.query.page)).toEqual(['1', '2', '3']);
		expect(listRequests[0].query.search).toBeUndefined();
	});

	test('orders and payments labels', async () => {
		const [payment] = sim.seed.payments(1);
		const order = (
			await runAutomaNet(sim, {
				resource: 'order',
				operation: 'get',
				orderId: byId(payment.orderId),
			})
		).items[0].json;

		const orders = await search('searchOrders', String(order.number));
		const payments = await search('searchPayments', payment.orderId);

		expect(orders.results).toEqual([
			{
				name: `${order.number} · Seeded Buyer GmbH · 100.00 EUR (accepted)`,
				value: order.id,
			},
		]);
		expect(payments.results).toEqual([
			{
				name: `${payment.id} · order ${payment.orderId} · 100.00 EUR (pending)`,
				value: payment.id,
			},
		]);
	});
});
