import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { idempotencyKeyFor } from '../../../shared/transport/idempotencyKey';
import { automaNetApiRequest, type AutomaNetRequest } from '../../../shared/transport/request';
import { acceptOrderBody, PATH } from '../../../shared/transport/wire';
import { readCalendarDate, readOptionalText } from '../common/inputValidation';
import type { SendItem } from '../common/preparedItem';
import { readRecordId, recordLabel, recordLocator } from '../common/recordLocator';

const displayOptions = { show: { resource: ['order'], operation: ['accept'] } };

export const description: INodeProperties[] = updateDisplayOptions(displayOptions, [
	recordLocator('order'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Estimated Ship Date',
				name: 'estimatedShipDate',
				type: 'dateTime',
				default: '',
				description: 'Day on which you expect to ship the parts',
			},
			{
				displayName: 'Note',
				name: 'note',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description: 'Note to the buyer about the order',
			},
		],
	},
]);

export function prepare(this: IExecuteFunctions, itemIndex: number): SendItem {
	const orderId = readRecordId.call(this, 'order', itemIndex);
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const note = readOptionalText(additional.note);
	const estimatedShipDate =
		additional.estimatedShipDate === undefined || additional.estimatedShipDate === ''
			? undefined
			: readCalendarDate(
					this.getNode(),
					itemIndex,
					additional.estimatedShipDate,
					'Estimated Ship Date',
				);

	const request: AutomaNetRequest = {
		method: 'POST',
		path: PATH.orderAccept(orderId),
		body: acceptOrderBody({ note, estimatedShipDate }),
		idempotencyKey: idempotencyKeyFor(this, itemIndex, 'order.accept'),
		itemIndex,
		objectLabel: recordLabel('order', orderId),
	};

	return async () => [await automaNetApiRequest.call(this, request)];
}
