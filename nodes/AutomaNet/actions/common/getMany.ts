import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requestAllPages } from '../../../shared/transport/request';
import { LIST_SORT, type ListFilters, type ListSort } from '../../../shared/transport/wire';
import { describeReceived, invalidInput, readOptionalText, readTimestamp } from './inputValidation';
import { optionsFromValues } from './optionLabels';
import type { SendItem } from './preparedItem';
import { simplifyProperty, type SimplifiableKind } from './simplify';

/** Limit when the user leaves it unchanged; the Limit parameter's default repeats it. */
const DEFAULT_LIMIT = 50;

interface GetManySpec {
	/** Plural name of the records in descriptions, e.g. "quotes". */
	recordsName: string;
	statuses: readonly string[];
	/** Filters this endpoint takes besides status and the date ranges. */
	extraFilters?: INodeProperties[];
	simplify?: SimplifiableKind;
}

const SORT_OPTIONS = [
	{ name: 'Created, Newest First', value: LIST_SORT.createdNewestFirst },
	{ name: 'Created, Oldest First', value: LIST_SORT.createdOldestFirst },
	{ name: 'Updated, Newest First', value: LIST_SORT.updatedNewestFirst },
	{ name: 'Updated, Oldest First', value: LIST_SORT.updatedOldestFirst },
];

/**
 * Builds Return All, Limit, Simplify, Filters and Options for one Get Many operation; the
 * operation adds its resource and operation display options.
 */
export function getManyProperties(spec: GetManySpec): INodeProperties[] {
	const { recordsName } = spec;
	const firstStatus = spec.statuses[0];
	const newestFirst = LIST_SORT.createdNewestFirst;
	const dateAndStatusFilters: INodeProperties[] = [
		{
			displayName: 'Created After',
			name: 'createdAfter',
			type: 'dateTime',
			default: '',
			description: `Only ${recordsName} created at or after this time`,
		},
		{
			displayName: 'Created Before',
			name: 'createdBefore',
			type: 'dateTime',
			default: '',
			description: `Only ${recordsName} created at or before this time`,
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: optionsFromValues(spec.statuses),
			default: firstStatus,
			description: `Only ${recordsName} with this status`,
		},
		{
			displayName: 'Updated After',
			name: 'updatedAfter',
			type: 'dateTime',
			default: '',
			description: `Only ${recordsName} changed at or after this time, e.g. to pick up status changes`,
		},
	];
	const filters = [...dateAndStatusFilters, ...(spec.extraFilters ?? [])].sort((left, right) =>
		left.displayName.localeCompare(right.displayName),
	);

	const properties: INodeProperties[] = [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
	if (spec.simplify) properties.push(simplifyProperty(spec.simplify));
	properties.push(
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: filters,
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Sort',
					name: 'sort',
					type: 'options',
					options: SORT_OPTIONS,
					default: newestFirst,
					description: `Order in which the ${recordsName} are returned; without it, oldest created first`,
				},
			],
		},
	);
	return properties;
}

/** Converts the Filters and Options collections of one input item to list filters. */
export function readListFilters(this: IExecuteFunctions, itemIndex: number): ListFilters {
	const node = this.getNode();
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;

	// A date filter may be a Luxon DateTime from an expression, so only absent or '' means unset.
	const timestamp = (name: string, label: string) =>
		filters[name] === undefined || filters[name] === ''
			? undefined
			: readTimestamp(node, itemIndex, filters[name], label);

	return {
		status: readOptionalText(filters.status),
		search: readOptionalText(filters.search),
		rfqId: readOptionalText(filters.rfqId),
		orderId: readOptionalText(filters.orderId),
		createdFrom: timestamp('createdAfter', 'Created After'),
		createdTo: timestamp('createdBefore', 'Created Before'),
		updatedFrom: timestamp('updatedAfter', 'Updated After'),
		sort: readOptionalText(options.sort) as ListSort | undefined,
	};
}

/** Reads Return All and Limit: undefined for Return All, otherwise the checked limit. */
function readLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	if (returnAll) return undefined;

	const limit = this.getNodeParameter('limit', itemIndex, DEFAULT_LIMIT) as unknown;
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			`Limit must be a whole number of 1 or more, got ${describeReceived(limit)}`,
			'Set Limit to how many records to return, or turn on Return All',
		);
	}
	return limit;
}

/**
 * Reads and checks the Filters, Options, Return All and Limit of one input item, and returns the
 * function that fetches every record (Return All) or the first Limit records of a list endpoint.
 */
export function prepareGetMany(this: IExecuteFunctions, itemIndex: number, path: string): SendItem {
	const filters = readListFilters.call(this, itemIndex);
	const limit = readLimit.call(this, itemIndex);

	return async () => await requestAllPages.call(this, path, filters, limit, itemIndex);
}
