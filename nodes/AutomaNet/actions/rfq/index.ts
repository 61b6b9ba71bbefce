import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const operations = { get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['rfq'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get an RFQ', action: 'Get an RFQ' },
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List received or sent RFQs',
				action: 'Get many requests for quotation',
			},
		],
		default: 'getAll',
	},
	...get.description,
	...getAll.description,
];
