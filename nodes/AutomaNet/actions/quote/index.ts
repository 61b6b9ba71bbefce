import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getTracking from './getTracking.operation';
import * as send from './send.operation';
import * as update from './update.operation';

export const operations = { create, get, getAll, getTracking, send, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['quote'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a draft quote, for an RFQ or for a buyer',
				action: 'Create a quote',
			},
			{ name: 'Get', value: 'get', description: 'Get a quote', action: 'Get a quote' },
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List quotes',
				action: 'Get many quotes',
			},
			{
				name: 'Get Tracking',
				value: 'getTracking',
				description: 'Get whether and when the buyer opened a quote, in the portal or by e-mail',
				action: 'Get the opening tracking of a quote',
			},
			{
				name: 'Send',
				value: 'send',
				description: 'Send a draft quote to the buyer, or send a sent quote again',
				action: 'Send a quote',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Replace a draft or sent quote with new fields and lines',
				action: 'Update a quote',
			},
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...getTracking.description,
	...send.description,
	...update.description,
];
