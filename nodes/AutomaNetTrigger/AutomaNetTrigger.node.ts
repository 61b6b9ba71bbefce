import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { triggerProperties } from './properties';
import { receiveDelivery } from './receiveDelivery';
import {
	createSubscription,
	deleteStoredSubscription,
	subscriptionExists,
} from './webhookLifecycle';

export class AutomaNetTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Automa.Net Trigger',
		name: 'automaNetTrigger',
		icon: { light: 'file:automanet.svg', dark: 'file:automanet.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"On " + $parameter["events"].join(", ")}}',
		description: 'Starts the workflow when Automa.Net sends an RFQ, quote, order or payment event',
		defaults: {
			name: 'Automa.Net Trigger',
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'automaNetApi',
				required: true,
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'automanet',
				// The URL matters only to someone who registers it by hand.
				ndvHideUrl: '={{$parameter["registration"] !== "manual"}}',
			},
		],
		properties: triggerProperties,
	};

	webhookMethods = {
		default: {
			checkExists: async function (this: IHookFunctions): Promise<boolean> {
				return await subscriptionExists.call(this);
			},
			create: async function (this: IHookFunctions): Promise<boolean> {
				return await createSubscription.call(this);
			},
			delete: async function (this: IHookFunctions): Promise<boolean> {
				return await deleteStoredSubscription.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery.call(this);
	}
}
