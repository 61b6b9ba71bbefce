import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { idempotencyKeyFor } from '../../../shared/transport/idempotencyKey';
import { automaNetApiRequest, type AutomaNetRequest } from '../../../shared/transport/request';
import { PATH, sendQuoteBody } from '../../../shared/transport/wire';
import { readEmailList, readOptionalText } from '../common/inputValidation';
import type { SendItem } from '../common/preparedItem';
import { readRecordId, recordLabel, recordLocator } from '../common/recordLocator';

const displayOptions = { show: { resource: ['quote'], operation: ['send'] } };

export const description: INodeProperties[] = updateDisplayOptions(displayOptions, [
	recordLocator('quote'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'CC Emails',
				name: 'ccEmails',
				type: 'string',
				default: '',
				placeholder: 'e.g. sales@example.com, manager@example.com',
				description: 'Comma-separated e-mail addresses that get a copy of the quote',
			},
			{
				displayName: 'Message',
				name: 'message',
				type: 'string',
				typeOptions: { rows: 4 },
				default: '',
				description: 'Message to the buyer sent with the quote',
			},
		],
	},
]);

export function prepare(this: IExecuteFunctions, itemIndex: number): SendItem {
	const quoteId = readRecordId.call(this, 'quote', itemIndex);
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const ccEmails = readEmailList(this.getNode(), itemIndex, additional.ccEmails, 'CC Emails');
	const message = readOptionalText(additional.message);

	const request: AutomaNetRequest = {
		method: 'POST',
		path: PATH.quoteSend(quoteId),
		body: sendQuoteBody({ message, ccEmails }),
		idempotencyKey: idempotencyKeyFor(this, itemIndex, 'quote.send'),
		itemIndex,
		objectLabel: recordLabel('quote', quoteId),
	};

	return async () => [await automaNetApiRequest.call(this, request)];
}
