import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { idempotencyKeyFor } from '../../../shared/transport/idempotencyKey';
import { automaNetApiRequest } from '../../../shared/transport/request';
import { PATH, quoteBody } from '../../../shared/transport/wire';
import { readQuoteInput } from './quoteInput';
import { quoteParameters } from './quoteParameters';

const displayOptions = { show: { resource: ['quote'], operation: ['create'] } };

export const description: INodeProperties[] = updateDisplayOptions(displayOptions, quoteParameters);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const input = readQuoteInput.call(this, itemIndex);

	// The key is the same on every Retry On Fail attempt, so a retry after a lost response
	// returns the quote the first attempt created instead of creating a second one.
	const quote = await automaNetApiRequest.call(this, {
		method: 'POST',
		path: PATH.quotes,
		body: quoteBody(input),
		idempotencyKey: idempotencyKeyFor(this, itemIndex, 'quote.create'),
		itemIndex,
	});

	return [quote];
}
