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

const displayOptions = { show: { resource: ['rfq'], operation: ['get'] } };

export const description: INodeProperties[] = updateDisplayOptions(displayOptions, [
	recordLocator('rfq'),
	simplifyProperty('rfq'),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const rfqId = readRecordId.call(this, 'rfq', itemIndex);

	const rfq = await automaNetApiRequest.call(this, {
		method: 'GET',
		path: PATH.rfq(rfqId),
		itemIndex,
		objectLabel: recordLabel('rfq', rfqId),
	});

	return applySimplify.call(this, itemIndex, 'rfq', [rfq]);
}
