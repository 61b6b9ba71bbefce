import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { SIMPLIFIED_FIELDS } from '../../../shared/transport/wire';

export type SimplifiableKind = keyof typeof SIMPLIFIED_FIELDS;

const RECORD_NAMES: Record<SimplifiableKind, string> = {
	rfq: 'RFQ',
	quote: 'quote',
	order: 'order',
};

/** Builds the Simplify toggle for operations that output RFQs, quotes or orders. */
export function simplifyProperty(kind: SimplifiableKind): INodeProperties {
	const fields = SIMPLIFIED_FIELDS[kind].join(', ');
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: false,
		description: `Whether to return only the main fields of each ${RECORD_NAMES[kind]} (${fields}) instead of the full record`,
	};
}

/** Keeps only the simplified fields of a record, in the order they are listed. */
export function simplifyRecord(record: IDataObject, kind: SimplifiableKind): IDataObject {
	const simplified: IDataObject = {};
	for (const field of SIMPLIFIED_FIELDS[kind]) {
		if (field in record) simplified[field] = record[field];
	}
	return simplified;
}

/**
 * Reads the item's Simplify toggle and returns the function that applies it to the records the
 * operation outputs.
 */
export function readSimplify(
	this: IExecuteFunctions,
	itemIndex: number,
	kind: SimplifiableKind,
): (records: IDataObject[]) => IDataObject[] {
	const simplify = this.getNodeParameter('simplify', itemIndex, false) as boolean;
	return (records) => (simplify ? records.map((record) => simplifyRecord(record, kind)) : records);
}
