import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as updateStatus from './updateStatus.operation';

export const operations = { get, getAll, updateStatus };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['payment'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get a payment', action: 'Get a payment' },
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List payments',
				action: 'Get many payments',
			},
			{
				name: 'Update Status',
				value: 'updateStatus',
				description: 'Set the status of a bank transfer payment, e.g. to paid',
				action: 'Update the status of a payment',
			},
		],
		default: 'get',
	},
	...get.description,
	...getAll.description,
	...updateStatus.description,
];
