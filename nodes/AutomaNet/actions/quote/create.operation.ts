import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { idempotencyKeyFor } from '../../../shared/transport/idempotencyKey';
import { automaNetApiRequest, type AutomaNetRequest } from '../../../shared/transport/request';
import { PATH, quoteBody } from '../../../shared/transport/wire';
import type { SendItem } from '../common/preparedItem';
import { readQuoteInput } from './quoteInput';
import { quoteParameters } from './quoteParameters';

const displayOptions = { show: { resource: ['quote'], operation: ['create'] } };

export const description: INodeProperties[] = updateDisplayOptions(displayOptions, quoteParameters);

export function prepare(this: IExecuteFunctions, itemIndex: number): SendItem {
	const input = readQuoteInput.call(this, itemIndex);

	// The key is the same on every Retry On Fail attempt, so a retry after a lost response
	// returns the quote the first attempt created instead of creating a second one.
	const request: AutomaNetRequest = {
		method: 'POST',
		path: PATH.quotes,
		body: quoteBody(input),
		idempotencyKey: idempotencyKeyFor(this, itemIndex, 'quote.create'),
		itemIndex,
	};

	return async () => [await automaNetApiRequest.call(this, request)];
}
