import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { automaNetApiRequest } from '../../../shared/transport/request';
import { PATH } from '../../../shared/transport/wire';
import { readRecordId, recordLabel, recordLocator } from '../common/recordLocator';
import type { SendItem } from '../common/preparedItem';
import { readSimplify, simplifyProperty } from '../common/simplify';

const displayOptions = { show: { resource: ['rfq'], operation: ['get'] } };

export const description: INodeProperties[] = updateDisplayOptions(displayOptions, [
	recordLocator('rfq'),
	simplifyProperty('rfq'),
]);

export function prepare(this: IExecuteFunctions, itemIndex: number): SendItem {
	const rfqId = readRecordId.call(this, 'rfq', itemIndex);
	const simplify = readSimplify.call(this, itemIndex, 'rfq');

	return async () => {
		const rfq = await automaNetApiRequest.call(this, {
			method: 'GET',
			path: PATH.rfq(rfqId),
			itemIndex,
			objectLabel: recordLabel('rfq', rfqId),
		});
		return simplify([rfq]);
	};
}
