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

/** Returns a string or number parameter as trimmed text, or undefined when it is empty. */
export function readOptionalText(value: unknown): string | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	return text === '' ? undefined : text;
}

/** Reads a number from a number or a plain decimal string such as "12.50"; NaN otherwise. */
export function parseDecimal(value: unknown): number {
	if (typeof value === 'number') return value;
	if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
	return NaN;
}

/**
 * Returns a date parameter as text: a string as written, a Date in UTC, or the ISO text of a
 * Luxon DateTime, which is what an expression such as `{{ $now.plus({ days: 30 }) }}` returns.
 */
function dateText(value: unknown): string {
	if (typeof value === 'string') return value.trim();
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
	const toISO = (value as { toISO?: unknown } | null | undefined)?.toISO;
	if (typeof toISO === 'function') return String(toISO.call(value) ?? '');
	return '';
}

/** Returns the trimmed text, or throws when it is empty. */
export function readRequiredText(
	node: INode,
	itemIndex: number,
	value: unknown,
	field: string,
	fix: string,
): string {
	const text = readOptionalText(value);
	if (text === undefined) throw invalidInput(node, itemIndex, `${field} is empty`, fix);
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

/** Returns whether year, month and day form a real date, e.g. false for 2026-02-30. */
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
	const text = dateText(value);
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
	const text = dateText(value);
	const parsed = new Date(text === '' ? NaN : text);
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

/** Returns the trimmed e-mail address when it has a plausible shape, or throws. */
export function readEmail(node: INode, itemIndex: number, value: unknown, field: string): string {
	const email = readOptionalText(value) ?? '';
	if (!EMAIL.test(email)) {
		throw invalidInput(
			node,
			itemIndex,
			`${field} must be an e-mail address, got ${describeReceived(value)}`,
			'Enter one address, e.g. buyer@example.com',
		);
	}
	return email;
}

/** Reads e-mail addresses from a comma-separated text or an array, and checks each one. */
export function readEmailList(
	node: INode,
	itemIndex: number,
	value: unknown,
	field: string,
): string[] {
	let text = '';
	if (Array.isArray(value)) text = value.join(',');
	else if (typeof value === 'string') text = value;

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
