import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { automaNetApiRequest, type AutomaNetRequest } from '../../../shared/transport/request';
import { PATH, shippingBody } from '../../../shared/transport/wire';
import { readHttpUrl, readOptionalText } from '../common/inputValidation';
import type { SendItem } from '../common/preparedItem';
import { readRecordId, recordLabel, recordLocator } from '../common/recordLocator';

const displayOptions = { show: { resource: ['order'], operation: ['updateShipping'] } };

export const description: INodeProperties[] = updateDisplayOptions(displayOptions, [
	recordLocator('order'),
	{
		displayName: 'Tracking URL',
		name: 'trackingUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://www.ups.com/track?tracknum=1Z999AA10123456784',
		description: "The carrier's tracking page for the shipment, an http or https URL",
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Carrier',
				name: 'carrier',
				type: 'string',
				default: '',
				placeholder: 'e.g. DHL Express',
			},
			{
				displayName: 'Tracking Number',
				name: 'trackingNumber',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1234567890',
			},
		],
	},
]);

export function prepare(this: IExecuteFunctions, itemIndex: number): SendItem {
	const orderId = readRecordId.call(this, 'order', itemIndex);
	const trackingUrl = readHttpUrl(
		this.getNode(),
		itemIndex,
		this.getNodeParameter('trackingUrl', itemIndex, ''),
		'Tracking URL',
		'https://www.ups.com/track?tracknum=1Z999AA10123456784',
	);
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;

	// PUT sets the same tracking on every attempt, so it needs no idempotency key.
	const request: AutomaNetRequest = {
		method: 'PUT',
		path: PATH.orderShipping(orderId),
		body: shippingBody({
			trackingUrl,
			carrier: readOptionalText(additional.carrier),
			trackingNumber: readOptionalText(additional.trackingNumber),
		}),
		itemIndex,
		objectLabel: recordLabel('order', orderId),
	};

	return async () => [await automaNetApiRequest.call(this, request)];
}
