import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { PATH, QUOTE_STATUSES } from '../../../shared/transport/wire';
import { getManyProperties, prepareGetMany } from '../common/getMany';
import type { SendItem } from '../common/preparedItem';

import { readSimplify } from '../common/simplify';

const displayOptions = { show: { resource: ['quote'], operation: ['getAll'] } };

export const description: INodeProperties[] = updateDisplayOptions(
	displayOptions,
	getManyProperties({
		recordsName: 'quotes',
		statuses: QUOTE_STATUSES,
		simplify: 'quote',
		extraFilters: [
			{
				displayName: 'RFQ ID',
				name: 'rfqId',
				type: 'string',
				default: '',
				placeholder: 'e.g. rfq_7Hc2kQ1',
				description: 'Only quotes for this RFQ',
			},
		],
	}),
);

export function prepare(this: IExecuteFunctions, itemIndex: number): SendItem {
	const fetchQuotes = prepareGetMany.call(this, itemIndex, PATH.quotes);
	const simplify = readSimplify.call(this, itemIndex, 'quote');

	return async () => simplify(await fetchQuotes());
}
