import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { automaNetApiRequest, type AutomaNetRequest } from '../../../shared/transport/request';
import { PATH, quoteBody } from '../../../shared/transport/wire';
import type { SendItem } from '../common/preparedItem';
import { readRecordId, recordLabel, recordLocator } from '../common/recordLocator';
import { readQuoteInput } from './quoteInput';
import { quoteParameters } from './quoteParameters';

const displayOptions = { show: { resource: ['quote'], operation: ['update'] } };

export const description: INodeProperties[] = updateDisplayOptions(displayOptions, [
	recordLocator('quote'),
	{
		displayName:
			'Update replaces the whole quote: lines and fields left out here are removed from it. Only draft or sent quotes can be replaced.',
		name: 'replaceNotice',
		type: 'notice',
		default: '',
	},
	...quoteParameters,
]);

export function prepare(this: IExecuteFunctions, itemIndex: number): SendItem {
	const quoteId = readRecordId.call(this, 'quote', itemIndex);
	const input = readQuoteInput.call(this, itemIndex);

	// PUT replaces the quote with the same body on every attempt, so it needs no idempotency key.
	const request: AutomaNetRequest = {
		method: 'PUT',
		path: PATH.quote(quoteId),
		body: quoteBody(input),
		itemIndex,
		objectLabel: recordLabel('quote', quoteId),
	};

	return async () => [await automaNetApiRequest.call(this, request)];
}
