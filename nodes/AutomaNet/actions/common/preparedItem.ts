import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

/** Function that sends the requests of one checked input item and returns the records to output. */
export type SendItem = () => Promise<IDataObject[]>;

/**
 * Reads and checks the parameters of one input item without sending anything, and returns the
 * function that sends the item's requests and resolves to the records to output. Throws a
 * NodeOperationError naming the item, the field and the fix when a value is invalid.
 */
export type PrepareItem = (this: IExecuteFunctions, itemIndex: number) => SendItem;
