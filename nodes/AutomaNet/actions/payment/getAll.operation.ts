import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { PATH, PAYMENT_STATUSES } from '../../../shared/transport/wire';
import { getManyProperties, getManyRecords, readListFilters } from '../common/getMany';

const displayOptions = { show: { resource: ['payment'], operation: ['getAll'] } };

export const description: INodeProperties[] = updateDisplayOptions(
	displayOptions,
	getManyProperties({
		recordsName: 'payments',
		statuses: PAYMENT_STATUSES,
		extraFilters: [
			{
				displayName: 'Order ID',
				name: 'orderId',
				type: 'string',
				default: '',
				placeholder: 'e.g. ord_2Kp9sD4',
				description: 'Only payments of this order',
			},
		],
	}),
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = readListFilters.call(this, itemIndex);

	return await getManyRecords.call(this, itemIndex, PATH.payments, filters);
}
