import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { requestListPage } from '../../shared/transport/request';
import {
	LIST_SORT,
	PATH,
	readRecordSummary,
	type RecordSummary,
} from '../../shared/transport/wire';

/** Records fetched per request while the user scrolls a From List picker. */
const PAGE_SIZE = 50;

/**
 * Pages one search call may read when the API cannot filter by text and the node filters each
 * page itself, so that a rare match does not leave the picker empty after a single page.
 */
const MAX_PAGES_PER_CALL = 5;

interface SearchSpec {
	/** List endpoints read one after another, e.g. received then sent RFQs. */
	paths: string[];
	/** Whether the endpoint takes the `search` filter; otherwise the node matches the text. */
	serverSearch: boolean;
	label: (summary: RecordSummary) => string;
}

/** The picker's position: which of the spec's paths, and which page of it, comes next. */
interface Position {
	pathIndex: number;
	page: number;
}

function readPosition(paginationToken: string | undefined): Position {
	const [pathIndex, page] = (paginationToken ?? '').split(':').map(Number);
	return Number.isInteger(pathIndex) && Number.isInteger(page) && page >= 1
		? { pathIndex, page }
		: { pathIndex: 0, page: 1 };
}

function matchesText(summary: RecordSummary, text: string): boolean {
	const haystack = [summary.id, summary.number, summary.buyerCompanyName, summary.orderId]
		.join(' ')
		.toLowerCase();
	return haystack.includes(text.toLowerCase());
}

function formatAmount(summary: RecordSummary): string {
	return summary.amount === undefined ? '' : ` · ${summary.amount.toFixed(2)} ${summary.currency}`;
}

async function searchRecords(
	this: ILoadOptionsFunctions,
	spec: SearchSpec,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	const text = filter?.trim() ?? '';
	const position = readPosition(paginationToken);
	const results: INodeListSearchItems[] = [];

	for (let pagesRead = 0; pagesRead < MAX_PAGES_PER_CALL; pagesRead++) {
		const path = spec.paths[position.pathIndex];
		if (path === undefined) return { results };

		const listPage = await requestListPage.call(
			this,
			path,
			{
				sort: LIST_SORT.createdNewestFirst,
				search: spec.serverSearch && text !== '' ? text : undefined,
			},
			position.page,
			PAGE_SIZE,
		);
		for (const record of listPage.records as IDataObject[]) {
			const summary = readRecordSummary(record);
			if (text !== '' && !spec.serverSearch && !matchesText(summary, text)) continue;
			results.push({ name: spec.label(summary), value: summary.id });
		}

		if (listPage.page >= listPage.totalPages) {
			position.pathIndex += 1;
			position.page = 1;
		} else {
			position.page += 1;
		}
		if (position.pathIndex >= spec.paths.length) return { results };
		if (results.length > 0) break;
	}

	return { results, paginationToken: `${position.pathIndex}:${position.page}` };
}

function labelSale(summary: RecordSummary): string {
	const name = summary.number || summary.id;
	const buyer = summary.buyerCompanyName ? ` · ${summary.buyerCompanyName}` : '';
	return `${name}${buyer}${formatAmount(summary)} (${summary.status})`;
}

/** Lists received RFQs, then sent ones, newest first; the API matches part number, brand or buyer. */
export async function searchRfqs(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchRecords.call(
		this,
		{
			paths: [PATH.rfqs('received'), PATH.rfqs('sent')],
			serverSearch: true,
			label: (summary) => {
				const buyer = summary.buyerCompanyName ? ` · ${summary.buyerCompanyName}` : '';
				return `${summary.number || summary.id}${buyer} (${summary.status})`;
			},
		},
		filter,
		paginationToken,
	);
}

/** Lists quotes newest first, matching the text against ID, number and buyer. */
export async function searchQuotes(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchRecords.call(
		this,
		{ paths: [PATH.quotes], serverSearch: false, label: labelSale },
		filter,
		paginationToken,
	);
}

/** Lists orders newest first, matching the text against ID, number and buyer. */
export async function searchOrders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchRecords.call(
		this,
		{ paths: [PATH.orders], serverSearch: false, label: labelSale },
		filter,
		paginationToken,
	);
}

/** Lists payments newest first, matching the text against payment ID and order ID. */
export async function searchPayments(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchRecords.call(
		this,
		{
			paths: [PATH.payments],
			serverSearch: false,
			label: (summary) =>
				`${summary.id} · order ${summary.orderId}${formatAmount(summary)} (${summary.status})`,
		},
		filter,
		paginationToken,
	);
}
