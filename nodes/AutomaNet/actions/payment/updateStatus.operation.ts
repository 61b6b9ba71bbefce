import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { automaNetApiRequest, type AutomaNetRequest } from '../../../shared/transport/request';
import { PATH, paymentStatusBody, SETTABLE_PAYMENT_STATUSES } from '../../../shared/transport/wire';
import { describeReceived, invalidInput } from '../common/inputValidation';
import { optionsFromValues } from '../common/optionLabels';
import type { SendItem } from '../common/preparedItem';
import { readRecordId, recordLabel, recordLocator } from '../common/recordLocator';

const displayOptions = { show: { resource: ['payment'], operation: ['updateStatus'] } };

export const description: INodeProperties[] = updateDisplayOptions(displayOptions, [
	{
		displayName:
			'Only bank transfer payments can have their status set by hand. Automa.Net rejects the change on a Stripe payment.',
		name: 'bankTransferNotice',
		type: 'notice',
		default: '',
	},
	recordLocator('payment'),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: optionsFromValues(SETTABLE_PAYMENT_STATUSES),
		default: 'paid',
		required: true,
		description: 'New status of the bank transfer payment, e.g. Paid once the money arrived',
	},
]);

export function prepare(this: IExecuteFunctions, itemIndex: number): SendItem {
	const paymentId = readRecordId.call(this, 'payment', itemIndex);
	const status = this.getNodeParameter('status', itemIndex) as unknown;
	if (!SETTABLE_PAYMENT_STATUSES.some((settable) => settable === status)) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			`Status must be one of ${SETTABLE_PAYMENT_STATUSES.join(', ')}, got ${describeReceived(status)}`,
			'Pick a status from the list, or make the expression return one of those values',
		);
	}

	// PATCH sets the same status on every attempt, so it needs no idempotency key.
	const request: AutomaNetRequest = {
		method: 'PATCH',
		path: PATH.payment(paymentId),
		body: paymentStatusBody({ status: status as string }),
		itemIndex,
		objectLabel: recordLabel('payment', paymentId),
	};

	return async () => [await automaNetApiRequest.call(this, request)];
}
