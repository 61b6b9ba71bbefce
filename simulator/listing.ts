import { z } from 'zod';

import {
	DEFAULT_PER_PAGE,
	LIST_SORTS,
	MAX_PER_PAGE,
	type ListSort,
} from '../nodes/shared/transport/wire';
import { badRequest } from './apiError';
import { clone, type StoredRecord } from './models';
import { issuesToDetails } from './validation';

const ISO_DATE_TIME =
	/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

const wholeNumber = z
	.string()
	.regex(/^\d{1,9}$/, 'must be a whole number')
	.transform(Number);

const instant = z
	.string()
	.refine(
		(value) => ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)),
		'must be an ISO 8601 date or date-time',
	);

const listQuerySchema = z.object({
	page: wholeNumber.pipe(z.number().min(1)).default('1'),
	perPage: wholeNumber
		.pipe(z.number().min(1).max(MAX_PER_PAGE, `must be between 1 and ${MAX_PER_PAGE}`))
		.default(String(DEFAULT_PER_PAGE)),
	status: z.string().min(1).optional(),
	search: z.string().optional(),
	rfqId: z.string().min(1).optional(),
	orderId: z.string().min(1).optional(),
	createdFrom: instant.optional(),
	createdTo: instant.optional(),
	updatedFrom: instant.optional(),
	sort: z.enum(LIST_SORTS).default('createdAt'),
});

/** The parsed list parameters; date bounds are in epoch milliseconds, all inclusive. */
export interface ListQuery {
	page: number;
	perPage: number;
	status?: string;
	search?: string;
	rfqId?: string;
	orderId?: string;
	createdFromMs?: number;
	createdToMs?: number;
	updatedFromMs?: number;
	sort: ListSort;
}

/**
 * Parses the list query parameters. Anything malformed or out of range, such as `perPage=101`,
 * gets a 400 `bad_request` whose details name the parameter. A date without a time means the
 * start of that UTC day, except in `createdTo`, where it means the end of that day.
 */
export function parseListQuery(
	query: Record<string, string>,
	statuses: readonly string[],
): ListQuery {
	const result = listQuerySchema.safeParse(query);
	if (!result.success) {
		throw badRequest('invalid list query parameters', issuesToDetails(result.error.issues));
	}
	const parsed = result.data;
	if (parsed.status !== undefined && !statuses.includes(parsed.status)) {
		throw badRequest('invalid list query parameters', [
			{ field: 'status', message: `must be one of ${statuses.join(', ')}` },
		]);
	}
	const toMs = (value: string | undefined, endOfDay: boolean): number | undefined => {
		if (value === undefined) return undefined;
		const ms = Date.parse(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
		return endOfDay && DATE_ONLY.test(value) ? ms + DAY_MS - 1 : ms;
	};
	return {
		page: parsed.page,
		perPage: parsed.perPage,
		status: parsed.status,
		search: parsed.search?.trim() || undefined,
		rfqId: parsed.rfqId,
		orderId: parsed.orderId,
		createdFromMs: toMs(parsed.createdFrom, false),
		createdToMs: toMs(parsed.createdTo, true),
		updatedFromMs: toMs(parsed.updatedFrom, false),
		sort: parsed.sort,
	};
}

/** Compares ids as strings of UTF-16 code units, which does not depend on the locale. */
function compareIds(left: string, right: string): number {
	if (left === right) return 0;
	return left < right ? -1 : 1;
}

/** Sorts records by the requested timestamp; ties are broken by id in the same direction. */
export function sortRecords<T extends StoredRecord>(records: T[], sort: ListSort): T[] {
	const descending = sort.startsWith('-');
	const field = (descending ? sort.slice(1) : sort) as 'createdAt' | 'updatedAt';
	const direction = descending ? -1 : 1;
	return [...records].sort((left, right) => {
		const byTime = Date.parse(left[field]) - Date.parse(right[field]);
		if (byTime !== 0) return byTime * direction;
		return compareIds(left.id, right.id) * direction;
	});
}

/** Checks whether a record falls inside the query's date bounds. */
export function withinDateBounds(record: StoredRecord, query: ListQuery): boolean {
	const createdMs = Date.parse(record.createdAt);
	const updatedMs = Date.parse(record.updatedAt);
	if (query.createdFromMs !== undefined && createdMs < query.createdFromMs) return false;
	if (query.createdToMs !== undefined && createdMs > query.createdToMs) return false;
	if (query.updatedFromMs !== undefined && updatedMs < query.updatedFromMs) return false;
	return true;
}

/** Checks whether any of the texts contains the search term, ignoring case. */
export function matchesSearch(
	search: string | undefined,
	texts: Array<string | null | undefined>,
): boolean {
	if (!search) return true;
	const needle = search.toLowerCase();
	return texts.some((text) => (text ?? '').toLowerCase().includes(needle));
}

export interface ListPageBody<T> {
	data: T[];
	pagination: { page: number; perPage: number; totalItems: number; totalPages: number };
}

/**
 * Filters, sorts and pages records into the `{ data, pagination }` envelope. An empty result has
 * `totalPages: 0`; a page past the last one has empty `data`.
 */
export function buildListPage<T extends StoredRecord>(
	records: T[],
	query: ListQuery,
	matches: (record: T) => boolean,
): ListPageBody<T> {
	const filtered = records.filter((record) => withinDateBounds(record, query) && matches(record));
	const sorted = sortRecords(filtered, query.sort);
	const start = (query.page - 1) * query.perPage;
	return {
		data: clone(sorted.slice(start, start + query.perPage)),
		pagination: {
			page: query.page,
			perPage: query.perPage,
			totalItems: sorted.length,
			totalPages: Math.ceil(sorted.length / query.perPage),
		},
	};
}
