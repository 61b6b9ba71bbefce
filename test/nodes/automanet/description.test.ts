import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { AutomaNet } from '../../../nodes/AutomaNet/AutomaNet.node';

const { description } = new AutomaNet();
const properties = description.properties;

/** The parameters each operation shows, by resource and operation, as the editor resolves them. */
function parametersOf(resource: string, operation: string): string[] {
	return properties
		.filter((property) => {
			const show = property.displayOptions?.show;
			if (!show) return property.name === 'resource';
			const resources = show.resource as string[] | undefined;
			const operations = show.operation as string[] | undefined;
			if (property.name === 'operation') return resources?.includes(resource) ?? false;
			return (resources?.includes(resource) ?? false) && (operations?.includes(operation) ?? false);
		})
		.map((property) => property.name);
}

function optionNames(property: INodeProperties): string[] {
	return (property.options ?? []).map((option) =>
		'displayName' in option ? option.displayName : (option as INodePropertyOptions).name,
	);
}

/** Every property, including those nested in collections and fixed collections. */
function allProperties(list: INodeProperties[]): INodeProperties[] {
	return list.flatMap((property) => {
		const nested = (property.options ?? []).flatMap((option) => {
			if ('values' in option) return allProperties((option as INodePropertyCollection).values);
			if ('type' in option) return allProperties([option as INodeProperties]);
			return [];
		});
		return [property, ...nested];
	});
}

// The parameter names the demo workflows and the README are written against.
const expectedParameters: Record<string, Record<string, string[]>> = {
	rfq: {
		get: ['rfqId', 'simplify'],
		getAll: ['direction', 'returnAll', 'limit', 'simplify', 'filters', 'options'],
	},
	quote: {
		create: ['currency', 'validUntil', 'itemsInputMode', 'items', 'itemsJson', 'additionalFields'],
		update: [
			'quoteId',
			'replaceNotice',
			'currency',
			'validUntil',
			'itemsInputMode',
			'items',
			'itemsJson',
			'additionalFields',
		],
		send: ['quoteId', 'additionalFields'],
		get: ['quoteId', 'simplify'],
		getAll: ['returnAll', 'limit', 'simplify', 'filters', 'options'],
		getTracking: ['quoteId'],
	},
	order: {
		get: ['orderId', 'simplify'],
		getAll: ['returnAll', 'limit', 'simplify', 'filters', 'options'],
		accept: ['orderId', 'additionalFields'],
		decline: ['orderId', 'reason'],
		updateShipping: ['orderId', 'trackingUrl', 'additionalFields'],
	},
	payment: {
		get: ['paymentId'],
		getAll: ['returnAll', 'limit', 'filters', 'options'],
		updateStatus: ['bankTransferNotice', 'paymentId', 'status'],
	},
};

describe('action node description', () => {
	test('node identity', () => {
		expect(description.name).toBe('automaNet');
		expect(description.displayName).toBe('Automa.Net');
		expect(description.usableAsTool).toBe(true);
		expect(description.subtitle).toBe(
			'={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		);
		expect(description.credentials).toEqual([{ name: 'automaNetApi', required: true }]);
	});

	test.each(
		Object.entries(expectedParameters).flatMap(([resource, operations]) =>
			Object.entries(operations).map(([operation, names]) => ({ resource, operation, names })),
		),
	)('$resource $operation parameters', ({ resource, operation, names }) => {
		expect(parametersOf(resource, operation)).toEqual(['resource', 'operation', ...names]);
	});

	test('operations match the contract', () => {
		const operations = Object.fromEntries(
			properties
				.filter((property) => property.name === 'operation')
				.map((property) => [
					(property.displayOptions?.show?.resource as string[])[0],
					(property.options as INodePropertyOptions[]).map((option) => option.value),
				]),
		);

		expect(operations).toEqual({
			order: ['accept', 'decline', 'get', 'getAll', 'updateShipping'],
			payment: ['get', 'getAll', 'updateStatus'],
			quote: ['create', 'get', 'getAll', 'getTracking', 'send', 'update'],
			rfq: ['get', 'getAll'],
		});
	});

	test('options and collections sorted A-Z', () => {
		for (const property of allProperties(properties)) {
			if (!['options', 'collection', 'multiOptions'].includes(property.type)) continue;
			const names = optionNames(property);
			expect({ name: property.name, names }).toEqual({
				name: property.name,
				names: [...names].sort((left, right) => left.localeCompare(right)),
			});
		}
	});

	test('every operation has an action', () => {
		for (const property of properties.filter((candidate) => candidate.name === 'operation')) {
			for (const option of property.options as INodePropertyOptions[]) {
				expect(option.action).toMatch(/^[A-Z][a-z]+ [a-z]/);
			}
		}
	});

	test('booleans start with Whether', () => {
		for (const property of allProperties(properties).filter((item) => item.type === 'boolean')) {
			expect(property.description).toMatch(/^Whether /);
		}
	});
});
