import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import * as order from './order';
import * as payment from './payment';
import * as quote from './quote';
import * as rfq from './rfq';

type OperationExecute = (this: IExecuteFunctions, itemIndex: number) => Promise<IDataObject[]>;

const resources: Record<string, Record<string, { execute: OperationExecute }>> = {
	order: order.operations,
	payment: payment.operations,
	quote: quote.operations,
	rfq: rfq.operations,
};

/**
 * Runs the chosen operation once per input item and pairs every output item with its input item.
 * With Continue On Fail, a failing item outputs `{ error }` and the other items still run.
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

	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const records = await selected.execute.call(this, itemIndex);
			returnData.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(records), {
					itemData: { item: itemIndex },
				}),
			);
		} catch (error) {
			const nodeError =
				error instanceof NodeApiError || error instanceof NodeOperationError
					? error
					: new NodeOperationError(this.getNode(), error as Error, { itemIndex });
			if (this.continueOnFail()) {
				returnData.push({ json: { error: nodeError.message }, pairedItem: { item: itemIndex } });
				continue;
			}
			throw nodeError;
		}
	}

	return [returnData];
}
