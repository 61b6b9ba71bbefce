import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { automaNetApiRequest } from '../../../shared/transport/request';
import { PATH } from '../../../shared/transport/wire';
import type { SendItem } from '../common/preparedItem';
import { readRecordId, recordLabel, recordLocator } from '../common/recordLocator';

const displayOptions = { show: { resource: ['quote'], operation: ['getTracking'] } };

export const description: INodeProperties[] = updateDisplayOptions(displayOptions, [
	recordLocator('quote'),
]);

export function prepare(this: IExecuteFunctions, itemIndex: number): SendItem {
	const quoteId = readRecordId.call(this, 'quote', itemIndex);

	return async () => {
		const tracking = await automaNetApiRequest.call(this, {
			method: 'GET',
			path: PATH.quoteTracking(quoteId),
			itemIndex,
			objectLabel: recordLabel('quote', quoteId),
		});
		return [tracking];
	};
}
