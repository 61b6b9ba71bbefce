import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { automaNetApiRequest } from '../../../shared/transport/request';
import { PATH } from '../../../shared/transport/wire';
import { readRecordId, recordLabel, recordLocator } from '../common/recordLocator';
import type { SendItem } from '../common/preparedItem';
import { readSimplify, simplifyProperty } from '../common/simplify';

const displayOptions = { show: { resource: ['quote'], operation: ['get'] } };

export const description: INodeProperties[] = updateDisplayOptions(displayOptions, [
	recordLocator('quote'),
	simplifyProperty('quote'),
]);

export function prepare(this: IExecuteFunctions, itemIndex: number): SendItem {
	const quoteId = readRecordId.call(this, 'quote', itemIndex);
	const simplify = readSimplify.call(this, itemIndex, 'quote');

	return async () => {
		const quote = await automaNetApiRequest.call(this, {
			method: 'GET',
			path: PATH.quote(quoteId),
			itemIndex,
			objectLabel: recordLabel('quote', quoteId),
		});
		return simplify([quote]);
	};
}
