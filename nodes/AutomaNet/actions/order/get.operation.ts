import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { automaNetApiRequest } from '../../../shared/transport/request';
import { PATH } from '../../../shared/transport/wire';
import { readRecordId, recordLabel, recordLocator } from '../common/recordLocator';
import { applySimplify, simplifyProperty } from '../common/simplify';

const displayOptions = { show: { resource: ['order'], operation: ['get'] } };

export const description: INodeProperties[] = updateDisplayOptions(displayOptions, [
	recordLocator('order'),
	simplifyProperty('order'),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const orderId = readRecordId.call(this, 'order', itemIndex);

	const order = await automaNetApiRequest.call(this, {
		method: 'GET',
		path: PATH.order(orderId),
		itemIndex,
		objectLabel: recordLabel('order', orderId),
	});

	return applySimplify.call(this, itemIndex, 'order', [order]);
}
