import { NodeOperationError, type INode } from 'n8n-workflow';

/** Names an input item the way the editor counts them, from 1. */
export function inputItemLabel(itemIndex: number): string {
	return `Item ${itemIndex + 1}`;
}

/** Quotes a received value for an error message, shortened so a large object stays readable. */
export function describeReceived(value: unknown): string {
	if (value === undefined || value === null || value === '') return 'nothing';
	const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
	const shortened = text.length > 60 ? `${text.slice(0, 57)}...` : text;
	return `"${shortened}"`;
}

/** Builds the error for a parameter value the node rejects before sending any request. */
export function invalidInput(
	node: INode,
	itemIndex: number,
	message: string,
	description: string,
): NodeOperationError {
	return new NodeOperationError(node, `${inputItemLabel(itemIndex)}: ${message}`, {
		itemIndex,
		description,
	});
}

/** Builds the error for one line of a list parameter, e.g. a quote line, named from 1. */
export function invalidLineInput(
	node: INode,
	itemIndex: number,
	line: number,
	message: string,
	description: string,
): NodeOperationError {
	return new NodeOperationError(node, `${inputItemLabel(itemIndex)}, line ${line}: ${message}`, {
		itemIndex,
		description,
	});
}

/** Returns the trimmed text, or throws when it is empty. */
export function readRequiredText(
	node: INode,
	itemIndex: number,
	value: unknown,
	field: string,
	fix: string,
): string {
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (text === '') throw invalidInput(node, itemIndex, `${field} is empty`, fix);
	return text;
}

/** Returns the URL when it is an absolute http or https URL, or throws. */
export function readHttpUrl(
	node: INode,
	itemIndex: number,
	value: unknown,
	field: string,
	example: string,
): string {
	const text = typeof value === 'string' ? value.trim() : '';
	let protocol = '';
	try {
		protocol = new URL(text).protocol;
	} catch {
		protocol = '';
	}
	if (protocol !== 'http:' && protocol !== 'https:') {
		throw invalidInput(
			node,
			itemIndex,
			`${field} must be an http or https URL, got ${describeReceived(value)}`,
			`Enter the full address starting with https://, e.g. ${example}`,
		);
	}
	return text;
}

const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;

/** Whether year, month and day name a day that exists, e.g. not 2026-02-30. */
function isCalendarDate(year: number, month: number, day: number): boolean {
	const date = new Date(Date.UTC(year, month - 1, day));
	return (
		date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
	);
}

/**
 * Converts a date or date-time parameter to a calendar date `YYYY-MM-DD`. A value that starts
 * with a date keeps that date as written, so a time zone offset never moves it to the next or
 * previous day.
 */
export function readCalendarDate(
	node: INode,
	itemIndex: number,
	value: unknown,
	field: string,
): string {
	const fix = `Enter a date such as 2026-12-31, or an expression that returns one`;
	if (value instanceof Date && !Number.isNaN(value.getTime())) {
		return value.toISOString().slice(0, 10);
	}
	const text = typeof value === 'string' ? value.trim() : '';
	if (text === '') throw invalidInput(node, itemIndex, `${field} is empty`, fix);

	const prefix = DATE_PREFIX.exec(text);
	if (prefix) {
		const [year, month, day] = [Number(prefix[1]), Number(prefix[2]), Number(prefix[3])];
		if (isCalendarDate(year, month, day)) return `${prefix[1]}-${prefix[2]}-${prefix[3]}`;
	} else {
		const parsed = new Date(text);
		if (!Number.isNaN(parsed.getTime())) return parsed.toISOString().slice(0, 10);
	}

	throw invalidInput(
		node,
		itemIndex,
		`${field} must be a date, got ${describeReceived(value)}`,
		fix,
	);
}

/** Converts a date-time parameter to an ISO 8601 UTC timestamp, or throws. */
export function readTimestamp(
	node: INode,
	itemIndex: number,
	value: unknown,
	field: string,
): string {
	const parsed =
		value instanceof Date ? value : new Date(typeof value === 'string' ? value.trim() : NaN);
	if (Number.isNaN(parsed.getTime())) {
		throw invalidInput(
			node,
			itemIndex,
			`${field} must be a date and time, got ${describeReceived(value)}`,
			'Pick a date in the field, or use an expression that returns an ISO 8601 date such as 2026-11-01T00:00:00Z',
		);
	}
	return parsed.toISOString();
}

// A pragmatic shape check (one @, no spaces, a dot in the domain); Automa.Net validates further.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Splits a comma-separated list of e-mail addresses and checks each one. */
export function readEmailList(
	node: INode,
	itemIndex: number,
	value: unknown,
	field: string,
): string[] {
	const text = typeof value === 'string' ? value : '';
	const emails = text
		.split(',')
		.map((email) => email.trim())
		.filter((email) => email !== '');
	for (const email of emails) {
		if (!EMAIL.test(email)) {
			throw invalidInput(
				node,
				itemIndex,
				`${field} contains an invalid e-mail address, got ${describeReceived(email)}`,
				'Separate addresses with commas, e.g. buyer@example.com, purchasing@example.com',
			);
		}
	}
	return emails;
}
