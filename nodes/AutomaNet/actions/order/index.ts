import type { INodeProperties } from 'n8n-workflow';

import * as accept from './accept.operation';
import * as decline from './decline.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as updateShipping from './updateShipping.operation';

export const operations = { accept, decline, get, getAll, updateShipping };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{
				name: 'Accept',
				value: 'accept',
				description: 'Accept a received order because the parts are in stock',
				action: 'Accept an order',
			},
			{
				name: 'Decline',
				value: 'decline',
				description: 'Decline a received order, e.g. because the stock ran out',
				action: 'Decline an order',
			},
			{ name: 'Get', value: 'get', description: 'Get an order', action: 'Get an order' },
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List orders',
				action: 'Get many orders',
			},
			{
				name: 'Update Shipping',
				value: 'updateShipping',
				description: 'Attach the shipment tracking URL to an accepted order',
				action: 'Update the shipping of an order',
			},
		],
		default: 'get',
	},
	...accept.description,
	...decline.description,
	...get.description,
	...getAll.description,
	...updateShipping.description,
];
