import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput, readOptionalText } from './inputValidation';

export type RecordKind = 'rfq' | 'quote' | 'order' | 'payment';

interface LocatorSpec {
	parameter: string;
	label: string;
	/** The record's name inside a sentence, e.g. in `quote "qt_4Vb8nW2" was not found`. */
	noun: string;
	searchListMethod: string;
	example: string;
}

/** Each record's ID parameter and the list search method that fills its From List mode. */
const LOCATORS: Record<RecordKind, LocatorSpec> = {
	rfq: {
		parameter: 'rfqId',
		label: 'RFQ',
		noun: 'RFQ',
		searchListMethod: 'searchRfqs',
		example: 'rfq_7Hc2kQ1',
	},
	quote: {
		parameter: 'quoteId',
		label: 'Quote',
		noun: 'quote',
		searchListMethod: 'searchQuotes',
		example: 'qt_4Vb8nW2',
	},
	order: {
		parameter: 'orderId',
		label: 'Order',
		noun: 'order',
		searchListMethod: 'searchOrders',
		example: 'ord_2Kp9sD4',
	},
	payment: {
		parameter: 'paymentId',
		label: 'Payment',
		noun: 'payment',
		searchListMethod: 'searchPayments',
		example: 'pay_6Tz1qX7',
	},
};

/** Builds the required resource locator parameter (From List or By ID) for one record kind. */
export function recordLocator(kind: RecordKind): INodeProperties {
	const spec = LOCATORS[kind];
	return {
		displayName: spec.label,
		name: spec.parameter,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: `The ${spec.label} to act on`,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${spec.label}...`,
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: `e.g. ${spec.example}`,
			},
		],
	};
}

// NOTE: Automa.Net sets no documented maximum; its IDs are short opaque strings such as
// `qt_4Vb8nW2`, so the node rejects longer IDs as input mistakes.
const MAX_ID_LENGTH = 255;

/** Reads the record ID of one input item from its resource locator, or throws when empty or invalid. */
export function readRecordId(this: IExecuteFunctions, kind: RecordKind, itemIndex: number): string {
	const spec = LOCATORS[kind];
	const value = this.getNodeParameter(spec.parameter, itemIndex, '', { extractValue: true });
	const id = readOptionalText(value);
	if (id === undefined) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			`${spec.label} ID is empty`,
			`Pick the ${spec.label} from the list, or enter its ID, e.g. ${spec.example}`,
		);
	}

	// URL parsing resolves "." and ".." path segments even when percent-encoded, so such an ID
	// would send the request to another endpoint.
	if (id === '.' || id === '..' || id.length > MAX_ID_LENGTH) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			`${spec.label} ID is invalid, got ${JSON.stringify(shortenForMessage(id))}`,
			`Pick the ${spec.label} from the list, or enter its ID, e.g. ${spec.example}. IDs are at most ${MAX_ID_LENGTH} characters and are not "." or "..".`,
		);
	}
	return id;
}

function shortenForMessage(id: string): string {
	return id.length > 40 ? `${id.slice(0, 40)}…` : id;
}

/** Names a record in error messages, e.g. `quote "qt_4Vb8nW2"`. */
export function recordLabel(kind: RecordKind, id: string): string {
	return `${LOCATORS[kind].noun} ${JSON.stringify(id)}`;
}
