import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { idempotencyKeyFor } from '../../../shared/transport/idempotencyKey';
import { automaNetApiRequest } from '../../../shared/transport/request';
import { declineOrderBody, PATH } from '../../../shared/transport/wire';
import { readRequiredText } from '../common/inputValidation';
import { readRecordId, recordLabel, recordLocator } from '../common/recordLocator';

const displayOptions = { show: { resource: ['order'], operation: ['decline'] } };

export const description: INodeProperties[] = updateDisplayOptions(displayOptions, [
	recordLocator('order'),
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		required: true,
		placeholder: 'e.g. The last unit was sold this morning',
		description: 'Why you decline the order, for the buyer',
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const orderId = readRecordId.call(this, 'order', itemIndex);
	const reason = readRequiredText(
		this.getNode(),
		itemIndex,
		this.getNodeParameter('reason', itemIndex, ''),
		'Reason',
		'Enter why the order is declined, e.g. Out of stock',
	);

	const order = await automaNetApiRequest.call(this, {
		method: 'POST',
		path: PATH.orderDecline(orderId),
		body: declineOrderBody({ reason }),
		idempotencyKey: idempotencyKeyFor(this, itemIndex, 'order.decline'),
		itemIndex,
		objectLabel: recordLabel('order', orderId),
	});

	return [order];
}
