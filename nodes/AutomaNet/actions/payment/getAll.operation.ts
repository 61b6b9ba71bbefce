import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { PATH, PAYMENT_STATUSES } from '../../../shared/transport/wire';
import { getManyProperties, prepareGetMany } from '../common/getMany';
import type { SendItem } from '../common/preparedItem';

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

export function prepare(this: IExecuteFunctions, itemIndex: number): SendItem {
	return prepareGetMany.call(this, itemIndex, PATH.payments);
}
