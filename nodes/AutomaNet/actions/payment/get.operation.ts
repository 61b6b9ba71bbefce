import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { automaNetApiRequest } from '../../../shared/transport/request';
import { PATH } from '../../../shared/transport/wire';
import type { SendItem } from '../common/preparedItem';
import { readRecordId, recordLabel, recordLocator } from '../common/recordLocator';

const displayOptions = { show: { resource: ['payment'], operation: ['get'] } };

export const description: INodeProperties[] = updateDisplayOptions(displayOptions, [
	recordLocator('payment'),
]);

export function prepare(this: IExecuteFunctions, itemIndex: number): SendItem {
	const paymentId = readRecordId.call(this, 'payment', itemIndex);

	return async () => {
		const payment = await automaNetApiRequest.call(this, {
			method: 'GET',
			path: PATH.payment(paymentId),
			itemIndex,
			objectLabel: recordLabel('payment', paymentId),
		});
		return [payment];
	};
}
