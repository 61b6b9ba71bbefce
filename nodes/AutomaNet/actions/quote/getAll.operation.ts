import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { PATH, QUOTE_STATUSES } from '../../../shared/transport/wire';
import { getManyProperties, getManyRecords, readListFilters } from '../common/getMany';
import { applySimplify } from '../common/simplify';

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

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = readListFilters.call(this, itemIndex);

	const quotes = await getManyRecords.call(this, itemIndex, PATH.quotes, filters);

	return applySimplify.call(this, itemIndex, 'quote', quotes);
}
