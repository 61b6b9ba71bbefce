import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { automaNetApiRequest } from '../../../shared/transport/request';
import { PATH } from '../../../shared/transport/wire';
import { readRecordId, recordLabel, recordLocator } from '../common/recordLocator';
import type { SendItem } from '../common/preparedItem';
import { readSimplify, simplifyProperty } from '../common/simplify';

const displayOptions = { show: { resource: ['order'], operation: ['get'] } };

export const description: INodeProperties[] = updateDisplayOptions(displayOptions, [
	recordLocator('order'),
	simplifyProperty('order'),
]);

export function prepare(this: IExecuteFunctions, itemIndex: number): SendItem {
	const orderId = readRecordId.call(this, 'order', itemIndex);
	const simplify = readSimplify.call(this, itemIndex, 'order');

	return async () => {
		const order = await automaNetApiRequest.call(this, {
			method: 'GET',
			path: PATH.order(orderId),
			itemIndex,
			objectLabel: recordLabel('order', orderId),
		});
		return simplify([order]);
	};
}
