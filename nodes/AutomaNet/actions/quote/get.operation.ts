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

const displayOptions = { show: { resource: ['quote'], operation: ['get'] } };

export const description: INodeProperties[] = updateDisplayOptions(displayOptions, [
	recordLocator('quote'),
	simplifyProperty('quote'),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const quoteId = readRecordId.call(this, 'quote', itemIndex);

	const quote = await automaNetApiRequest.call(this, {
		method: 'GET',
		path: PATH.quote(quoteId),
		itemIndex,
		objectLabel: recordLabel('quote', quoteId),
	});

	return applySimplify.call(this, itemIndex, 'quote', [quote]);
}
