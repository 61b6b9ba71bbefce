import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import {
	PART_CONDITIONS,
	QUOTE_ITEM_FIELD,
	type PartCondition,
	type QuoteItemInput,
} from '../../../shared/transport/wire';
import {
	describeReceived,
	invalidInput,
	invalidLineInput,
	parseDecimal,
	readOptionalText,
} from '../common/inputValidation';

export type ItemsInputMode = 'fields' | 'json';

type LineKey = keyof QuoteItemInput;
type RawLine = Record<LineKey, unknown>;

/** Editor labels of a quote line's fields, used in error messages in both input modes. */
const LABEL: Record<LineKey, string> = {
	partNumber: 'Part Number',
	brand: 'Brand',
	quantity: 'Quantity',
	unitPrice: 'Unit Price',
	condition: 'Condition',
	leadTimeDays: 'Lead Time (Days)',
	warrantyMonths: 'Warranty (Months)',
	description: 'Description',
	rfqItemId: 'RFQ Item ID',
};

const LINE_KEYS = Object.keys(LABEL) as LineKey[];

const JSON_EXAMPLE =
	'[{"partNumber": "774310", "brand": "Pilz", "quantity": 1, "unitPrice": 189.5, "condition": "new"}]';

/** Origin of a quote line (input item, input mode, line number), so an error names what to fix. */
interface LineOrigin {
	node: INode;
	itemIndex: number;
	mode: ItemsInputMode;
	line: number;
}

function lineError(origin: LineOrigin, message: string, description: string) {
	return invalidLineInput(origin.node, origin.itemIndex, origin.line, message, description);
}

/** Tells the user where to change a field: the editor field, or the key in the JSON. */
function fixHint(origin: LineOrigin, key: LineKey, requirement: string): string {
	return origin.mode === 'fields'
		? `Set ${LABEL[key]} on line ${origin.line} to ${requirement}`
		: `Set "${QUOTE_ITEM_FIELD[key]}" of line ${origin.line} in Lines (JSON) to ${requirement}`;
}

function requireText(origin: LineOrigin, raw: RawLine, key: LineKey, requirement: string): string {
	const text = readOptionalText(raw[key]);
	if (text === undefined) {
		throw lineError(origin, `${LABEL[key]} is missing`, fixHint(origin, key, requirement));
	}
	return text;
}

function readWholeNumber(
	origin: LineOrigin,
	raw: RawLine,
	key: LineKey,
	minimum: 0 | 1,
): number | undefined {
	const value = raw[key];
	if (minimum === 0 && (value === undefined || value === null || value === '')) return undefined;

	const number = parseDecimal(value);
	const requirement = minimum === 1 ? 'a positive whole number' : 'a whole number of 0 or more';
	if (!Number.isInteger(number) || number < minimum) {
		throw lineError(
			origin,
			`${LABEL[key]} must be ${requirement}, got ${describeReceived(value)}`,
			fixHint(origin, key, requirement),
		);
	}
	// Above 2^53 - 1 a double cannot represent every whole number, so 1e30 would not arrive as sent.
	if (!Number.isSafeInteger(number)) {
		throw lineError(
			origin,
			`${LABEL[key]} must be at most ${Number.MAX_SAFE_INTEGER}, got ${describeReceived(value)}`,
			fixHint(origin, key, `${requirement} of at most ${Number.MAX_SAFE_INTEGER}`),
		);
	}
	return number;
}

function readUnitPrice(origin: LineOrigin, raw: RawLine): number {
	const value = raw.unitPrice;
	const price = parseDecimal(value);
	if (!Number.isFinite(price) || price < 0) {
		throw lineError(
			origin,
			`${LABEL.unitPrice} must be a number of 0 or more, got ${describeReceived(value)}`,
			fixHint(origin, 'unitPrice', 'the price of one unit in the quote currency, e.g. 189.50'),
		);
	}
	return price;
}

/** Accepts a condition in any case, with spaces or hyphens for underscores ("New Sealed"). */
function readCondition(origin: LineOrigin, raw: RawLine): PartCondition | undefined {
	const text = readOptionalText(raw.condition);
	if (text === undefined) return undefined;

	const normalized = text.toLowerCase().replace(/[\s-]+/g, '_');
	const condition = PART_CONDITIONS.find((known) => known === normalized);
	if (!condition) {
		throw lineError(
			origin,
			`${LABEL.condition} must be a known part condition, got ${describeReceived(raw.condition)}`,
			fixHint(origin, 'condition', `one of ${PART_CONDITIONS.join(', ')}`),
		);
	}
	return condition;
}

/** Checks one quote line and converts it to the API's item shape. */
function readLine(origin: LineOrigin, raw: RawLine): QuoteItemInput {
	return {
		partNumber: requireText(
			origin,
			raw,
			'partNumber',
			"the manufacturer's part number, e.g. 6ES7214-1AG40-0XB0",
		),
		brand: requireText(origin, raw, 'brand', 'the manufacturer, e.g. Siemens'),
		quantity: readWholeNumber(origin, raw, 'quantity', 1) as number,
		unitPrice: readUnitPrice(origin, raw),
		condition: readCondition(origin, raw),
		leadTimeDays: readWholeNumber(origin, raw, 'leadTimeDays', 0),
		warrantyMonths: readWholeNumber(origin, raw, 'warrantyMonths', 0),
		description: readOptionalText(raw.description),
		rfqItemId: readOptionalText(raw.rfqItemId),
	};
}

function describeJsonType(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	if (typeof value === 'object') return 'an object';
	return `a ${typeof value}`;
}

/**
 * Rejects a key that is not a quote line field, so a misspelled key such as `leadTimeDay` does
 * not drop its value without notice.
 */
function rejectUnknownKeys(origin: LineOrigin, object: IDataObject): void {
	const acceptedKeys: string[] = LINE_KEYS.map((key) => QUOTE_ITEM_FIELD[key]);
	const unknownKey = Object.keys(object).find((key) => !acceptedKeys.includes(key));
	if (unknownKey === undefined) return;

	const sameExceptCase = acceptedKeys.find((key) => key.toLowerCase() === unknownKey.toLowerCase());
	const suggestion = sameExceptCase ? `Did you mean "${sameExceptCase}"? ` : '';
	throw lineError(
		origin,
		`${JSON.stringify(unknownKey)} is not a quote line field`,
		`${suggestion}Remove the key from line ${origin.line} in Lines (JSON) or correct its spelling. Accepted keys (case-sensitive): ${acceptedKeys.join(', ')}`,
	);
}

/** Reads the Lines (JSON) parameter: a JSON text, or an array an expression returned. */
function readJsonLines(this: IExecuteFunctions, itemIndex: number): RawLine[] {
	const node = this.getNode();
	let value = this.getNodeParameter('itemsJson', itemIndex, '[]') as unknown;

	if (typeof value === 'string') {
		try {
			value = JSON.parse(value);
		} catch (error) {
			throw invalidInput(
				node,
				itemIndex,
				'Lines (JSON) is not valid JSON',
				`${(error as Error).message}. Enter a JSON array such as ${JSON_EXAMPLE}, or an expression that returns an array.`,
			);
		}
	}
	if (!Array.isArray(value)) {
		throw invalidInput(
			node,
			itemIndex,
			`Lines (JSON) must be an array of objects, got ${describeJsonType(value)}`,
			`Enter a JSON array such as ${JSON_EXAMPLE}. When the lines sit inside an object, point the expression at the array itself.`,
		);
	}

	return value.map((entry: unknown, index) => {
		if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
			throw lineError(
				{ node, itemIndex, mode: 'json', line: index + 1 },
				`Lines (JSON) entries must be objects, got ${describeJsonType(entry)}`,
				`Make each entry of the array an object with the line's fields, e.g. ${JSON_EXAMPLE}`,
			);
		}
		const object = entry as IDataObject;
		rejectUnknownKeys({ node, itemIndex, mode: 'json', line: index + 1 }, object);
		const raw = {} as RawLine;
		for (const key of LINE_KEYS) raw[key] = object[QUOTE_ITEM_FIELD[key]];
		return raw;
	});
}

/** Reads the Lines fixed collection; its field names are the parameter names of a line. */
function readFieldLines(this: IExecuteFunctions, itemIndex: number): RawLine[] {
	const entries = this.getNodeParameter('items.item', itemIndex, []) as IDataObject[];
	return entries.map((entry) => {
		const raw = {} as RawLine;
		for (const key of LINE_KEYS) raw[key] = entry[key];
		return raw;
	});
}

/**
 * Reads and checks the quote lines of one input item, from the fields or from JSON. Throws a
 * NodeOperationError naming the input item, the line and the field before any request is sent.
 */
export function readQuoteItems(this: IExecuteFunctions, itemIndex: number): QuoteItemInput[] {
	const mode = this.getNodeParameter('itemsInputMode', itemIndex, 'fields') as ItemsInputMode;
	const rawLines =
		mode === 'json' ? readJsonLines.call(this, itemIndex) : readFieldLines.call(this, itemIndex);

	if (rawLines.length === 0) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			'The quote has no lines',
			mode === 'json'
				? `Give Lines (JSON) an array with at least one object, e.g. ${JSON_EXAMPLE}`
				: 'Add at least one line under Lines',
		);
	}

	const node = this.getNode();
	return rawLines.map((raw, index) => readLine({ node, itemIndex, mode, line: index + 1 }, raw));
}
