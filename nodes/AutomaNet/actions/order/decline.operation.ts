import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { idempotencyKeyFor } from '../../../shared/transport/idempotencyKey';
import { automaNetApiRequest, type AutomaNetRequest } from '../../../shared/transport/request';
import { declineOrderBody, PATH } from '../../../shared/transport/wire';
import { readRequiredText } from '../common/inputValidation';
import type { SendItem } from '../common/preparedItem';
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

export function prepare(this: IExecuteFunctions, itemIndex: number): SendItem {
	const orderId = readRecordId.call(this, 'order', itemIndex);
	const reason = readRequiredText(
		this.getNode(),
		itemIndex,
		this.getNodeParameter('reason', itemIndex, ''),
		'Reason',
		'Enter why the order is declined, e.g. Out of stock',
	);

	const request: AutomaNetRequest = {
		method: 'POST',
		path: PATH.orderDecline(orderId),
		body: declineOrderBody({ reason }),
		idempotencyKey: idempotencyKeyFor(this, itemIndex, 'order.decline'),
		itemIndex,
		objectLabel: recordLabel('order', orderId),
	};

	return async () => [await automaNetApiRequest.call(this, request)];
}
