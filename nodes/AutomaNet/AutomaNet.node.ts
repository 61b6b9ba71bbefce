import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import * as order from './actions/order';
import * as payment from './actions/payment';
import * as quote from './actions/quote';
import * as rfq from './actions/rfq';
import { router } from './actions/router';
import { searchOrders, searchPayments, searchQuotes, searchRfqs } from './methods/listSearch';

export class AutomaNet implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Automa.Net',
		name: 'automaNet',
		icon: { light: 'file:automanet.svg', dark: 'file:automanet.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Respond to RFQs with quotes, and handle orders and payments on Automa.Net',
		defaults: { name: 'Automa.Net' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'automaNetApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Order', value: 'order' },
					{ name: 'Payment', value: 'payment' },
					{ name: 'Quote', value: 'quote' },
					{ name: 'RFQ', value: 'rfq' },
				],
				default: 'rfq',
			},
			...order.description,
			...payment.description,
			...quote.description,
			...rfq.description,
		],
	};

	methods = {
		listSearch: { searchOrders, searchPayments, searchQuotes, searchRfqs },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
