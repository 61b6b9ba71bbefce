import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { ORDER_STATUSES, PATH } from '../../../shared/transport/wire';
import { getManyProperties, getManyRecords, readListFilters } from '../common/getMany';
import { applySimplify } from '../common/simplify';

const displayOptions = { show: { resource: ['order'], operation: ['getAll'] } };

export const description: INodeProperties[] = updateDisplayOptions(
	displayOptions,
	getManyProperties({ recordsName: 'orders', statuses: ORDER_STATUSES, simplify: 'order' }),
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = readListFilters.call(this, itemIndex);

	const orders = await getManyRecords.call(this, itemIndex, PATH.orders, filters);

	return applySimplify.call(this, itemIndex, 'order', orders);
}
