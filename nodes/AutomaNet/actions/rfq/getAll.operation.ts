import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { PATH, RFQ_STATUSES, type RfqDirection } from '../../../shared/transport/wire';
import { getManyProperties, prepareGetMany } from '../common/getMany';
import { describeReceived, invalidInput } from '../common/inputValidation';
import type { SendItem } from '../common/preparedItem';
import { readSimplify } from '../common/simplify';

const displayOptions = { show: { resource: ['rfq'], operation: ['getAll'] } };

// The direction values are the path segments of GET /rfqs/received and GET /rfqs/sent.
const DIRECTIONS: Array<{ name: string; value: RfqDirection; description: string }> = [
	{ name: 'Received', value: 'received', description: 'RFQs buyers sent to you' },
	{ name: 'Sent', value: 'sent', description: 'RFQs you sent to other suppliers' },
];

export const description: INodeProperties[] = updateDisplayOptions(displayOptions, [
	{
		displayName: 'Direction',
		name: 'direction',
		type: 'options',
		options: DIRECTIONS,
		default: 'received',
		description: 'Whose RFQs to list',
	},
	...getManyProperties({
		recordsName: 'RFQs',
		statuses: RFQ_STATUSES,
		simplify: 'rfq',
		extraFilters: [
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: 'e.g. 6ES7214-1AG40-0XB0',
				description: 'Only RFQs whose part number, brand or buyer contains this text',
			},
		],
	}),
]);

export function prepare(this: IExecuteFunctions, itemIndex: number): SendItem {
	const direction = this.getNodeParameter('direction', itemIndex) as unknown;
	if (!DIRECTIONS.some((option) => option.value === direction)) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			`Direction must be received or sent, got ${describeReceived(direction)}`,
			'Pick Received or Sent, or make the expression return received or sent',
		);
	}
	const fetchRfqs = prepareGetMany.call(this, itemIndex, PATH.rfqs(direction as RfqDirection));
	const simplify = readSimplify.call(this, itemIndex, 'rfq');

	return async () => simplify(await fetchRfqs());
}
