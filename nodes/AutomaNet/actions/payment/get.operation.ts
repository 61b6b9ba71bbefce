import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { automaNetApiRequest } from '../../../shared/transport/request';
import { PATH } from '../../../shared/transport/wire';
import { readRecordId, recordLabel, recordLocator } from '../common/recordLocator';

const displayOptions = { show: { resource: ['payment'], operation: ['get'] } };

export const description: INodeProperties[] = updateDisplayOptions(displayOptions, [
	recordLocator('payment'),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const paymentId = readRecordId.call(this, 'payment', itemIndex);

	const payment = await automaNetApiRequest.call(this, {
		method: 'GET',
		path: PATH.payment(paymentId),
		itemIndex,
		objectLabel: recordLabel('payment', paymentId),
	});

	return [payment];
}
