import {
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type NodeApiError,
} from 'n8n-workflow';

import { isNodeApiError, isNodeOperationError } from '../../shared/transport/nodeErrorGuards';
import type { PrepareItem, SendItem } from './common/preparedItem';
import * as order from './order';
import * as payment from './payment';
import * as quote from './quote';
import * as rfq from './rfq';

const resources: Record<string, Record<string, { prepare: PrepareItem }>> = {
	order: order.operations,
	payment: payment.operations,
	quote: quote.operations,
	rfq: rfq.operations,
};

type NodeError = NodeApiError | NodeOperationError;

function toNodeError(this: IExecuteFunctions, error: unknown, itemIndex: number): NodeError {
	if (isNodeApiError(error) || isNodeOperationError(error)) return error;
	return new NodeOperationError(this.getNode(), error as Error, { itemIndex });
}

/** Builds the output item of an item that failed under Continue On Fail. */
function errorItem(error: NodeError, itemIndex: number): INodeExecutionData {
	return { json: { error: error.message }, pairedItem: { item: itemIndex } };
}

/**
 * Runs the chosen operation for every input item in two phases: it reads and checks the
 * parameters of all items, then sends the requests in item order. So when the node rejects an
 * item's input, no item has been written yet. Every output item is paired with its input item.
 *
 * Without Continue On Fail, the first invalid item's error is thrown before any request is sent.
 * With it, each failing item outputs `{ error }` at its own position and the other items still run.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;

	const selected = resources[resource]?.[operation];
	if (!selected) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" is not supported on the resource "${resource}"`,
			{ description: 'Pick a resource and an operation from the lists' },
		);
	}

	const prepared: Array<SendItem | NodeError> = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			prepared.push(selected.prepare.call(this, itemIndex));
		} catch (error) {
			const nodeError = toNodeError.call(this, error, itemIndex);
			if (!this.continueOnFail()) throw nodeError;
			prepared.push(nodeError);
		}
	}

	// NOTE: an error from the API itself (e.g. 404 or 409) on a later item still stops the node
	// after the earlier items were sent, because only Automa.Net can tell whether a request succeeds.
	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const send = prepared[itemIndex];
		if (typeof send !== 'function') {
			// Only stored with Continue On Fail; without it the prepare loop has already thrown.
			returnData.push(errorItem(send, itemIndex));
			continue;
		}

		try {
			const records = await send();
			returnData.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(records), {
					itemData: { item: itemIndex },
				}),
			);
		} catch (error) {
			const nodeError = toNodeError.call(this, error, itemIndex);
			if (!this.continueOnFail()) throw nodeError;
			returnData.push(errorItem(nodeError, itemIndex));
		}
	}

	return [returnData];
}
