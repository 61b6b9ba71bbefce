import type { INodeProperties } from 'n8n-workflow';

import { EVENT_OPTIONS } from '../shared/webhook/eventOptions';

/** Values of the Registration parameter. */
export const REGISTRATION = {
	automatic: 'automatic',
	manual: 'manual',
} as const;
export type Registration = (typeof REGISTRATION)[keyof typeof REGISTRATION];

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Trigger On',
		name: 'events',
		type: 'multiOptions',
		options: EVENT_OPTIONS,
		default: [],
		required: true,
		description: 'The Automa.Net events that start the workflow',
	},
	{
		displayName: 'Registration',
		name: 'registration',
		type: 'options',
		options: [
			{
				name: 'Automatic',
				value: REGISTRATION.automatic,
				description:
					'The node registers its webhook on Automa.Net when the workflow is activated and removes it when the workflow is deactivated',
			},
			{
				name: 'Manual',
				value: REGISTRATION.manual,
				description:
					'You register the webhook in the Automa.Net dashboard and put its signing secret in the credential',
			},
		],
		// A literal, because the n8n lint rule for defaults reads only literals.
		default: 'automatic',
		description: 'How the webhook gets registered on Automa.Net',
	},
	{
		displayName:
			'In the Automa.Net dashboard under Settings, API integration, add a webhook with the Production URL shown under Webhook URLs above (or the Test URL while you build the workflow) and the same events as Trigger On. Then copy the signing secret Automa.Net shows into the Webhook Signing Secret field of the Automa.Net API credential. Without that secret the node rejects every delivery.',
		name: 'manualRegistrationNotice',
		type: 'notice',
		default: '',
		displayOptions: {
			show: {
				registration: [REGISTRATION.manual],
			},
		},
	},
	{
		displayName:
			'Automa.Net repeats a delivery until it gets a 2xx response, so an event can arrive twice with the same eventId. To act once per event, follow this node with Remove Duplicates, operation Remove Items Processed in Previous Executions, on eventId.',
		name: 'duplicateDeliveryNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Raw Delivery',
				name: 'rawDelivery',
				type: 'boolean',
				default: false,
				description:
					'Whether to add the delivery as received under rawDelivery: the request headers, without the signature and any credential header, and the body text',
			},
		],
	},
];
