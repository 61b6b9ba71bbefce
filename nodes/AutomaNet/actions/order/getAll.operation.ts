import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { ORDER_STATUSES, PATH } from '../../../shared/transport/wire';
import { getManyProperties, prepareGetMany } from '../common/getMany';
import type { SendItem } from '../common/preparedItem';

import { readSimplify } from '../common/simplify';

const displayOptions = { show: { resource: ['order'], operation: ['getAll'] } };

export const description: INodeProperties[] = updateDisplayOptions(
	displayOptions,
	getManyProperties({ recordsName: 'orders', statuses: ORDER_STATUSES, simplify: 'order' }),
);

export function prepare(this: IExecuteFunctions, itemIndex: number): SendItem {
	const fetchOrders = prepareGetMany.call(this, itemIndex, PATH.orders);
	const simplify = readSimplify.call(this, itemIndex, 'order');

	return async () => simplify(await fetchOrders());
}
