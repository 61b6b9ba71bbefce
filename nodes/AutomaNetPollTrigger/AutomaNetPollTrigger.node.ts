import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { fetchSample } from './fetchSample';
import { pollForChanges } from './pollForChanges';
import { findPollEvent } from './pollEvents';
import type { PollEventName } from './pollEvents';

export class AutomaNetPollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Automa.Net Poll Trigger',
		name: 'automaNetPollTrigger',
		icon: { light: 'file:automanet.svg', dark: 'file:automanet.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description:
			'Starts the workflow on new RFQs, new orders and quote or payment status changes, by polling Automa.Net',
		defaults: { name: 'Automa.Net Poll Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'automaNetApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				required: true,
				default: 'newRfq',
				options: [
					{
						name: 'New Order',
						value: 'newOrder',
						description: 'An order was received',
					},
					{
						name: 'New RFQ',
						value: 'newRfq',
						description: 'A buyer sent an RFQ to this supplier',
					},
					{
						name: 'Payment Status Changed',
						value: 'paymentStatusChanged',
						description:
							'A payment changed status, for example to paid. Each item has previousStatus.',
					},
					{
						name: 'Quote Status Changed',
						value: 'quoteStatusChanged',
						description:
							'A quote was sent, accepted, declined or expired. Each item has previousStatus.',
					},
				],
			},
			{
				displayName:
					'The first poll after activation emits nothing: it starts after the newest existing record. A manual run returns the newest matching record as a sample.',
				name: 'firstPollNotice',
				type: 'notice',
				default: '',
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const eventName = this.getNodeParameter('event') as string;
		const event = findPollEvent(eventName);
		if (event === undefined) {
			throw new NodeOperationError(this.getNode(), `Unknown event "${eventName}"`, {
				description: 'Choose one of the events the Event parameter lists.',
			});
		}

		// A manual run shows a sample and never touches the cursor of the active workflow.
		if (this.getMode() === 'manual') {
			const sample = await fetchSample.call(this, event);
			return sample === undefined ? null : [this.helpers.returnJsonArray([sample])];
		}
		return await pollForChanges.call(this, eventName as PollEventName);
	}
}
