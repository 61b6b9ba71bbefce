import type { INodeProperties } from 'n8n-workflow';

import { PART_CONDITIONS } from '../../../shared/transport/wire';
import { optionsFromValues } from '../common/optionLabels';

/** The quote's lines in the editor, one fixed-collection entry per line. */
const lineFields: INodeProperties[] = [
	{
		displayName: 'Part Number',
		name: 'partNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 6ES7214-1AG40-0XB0',
		description: "The manufacturer's part number",
	},
	{
		displayName: 'Brand',
		name: 'brand',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Siemens',
		description: 'The manufacturer of the part',
	},
	{
		displayName: 'Quantity',
		name: 'quantity',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 1,
		required: true,
		description: 'Number of units, a whole number of 1 or more',
	},
	{
		displayName: 'Unit Price',
		name: 'unitPrice',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		required: true,
		description: 'Price of one unit in the quote currency',
	},
	{
		displayName: 'Condition',
		name: 'condition',
		type: 'options',
		options: optionsFromValues(PART_CONDITIONS),
		default: 'new',
		description: 'Condition of the parts, as Automa.Net names product conditions',
	},
	{
		displayName: 'Lead Time (Days)',
		name: 'leadTimeDays',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 0 },
		default: 0,
		description: 'Days until the parts ship; 0 means in stock',
	},
	{
		displayName: 'Warranty (Months)',
		name: 'warrantyMonths',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 0 },
		default: 0,
		description: 'Warranty period in months; 0 means no warranty',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		placeholder: 'e.g. SIMATIC S7-1200, CPU 1214C DC/DC/DC',
	},
	{
		displayName: 'RFQ Item ID',
		name: 'rfqItemId',
		type: 'string',
		default: '',
		placeholder: 'e.g. rfi_01',
		description: "ID of the RFQ line this quote line responds to, from the RFQ's items",
	},
];

/**
 * Parameters of Create Quote and Update Quote. Update replaces the whole quote, so both take
 * the same fields; each operation adds its display options.
 */
export const quoteParameters: INodeProperties[] = [
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		default: 'EUR',
		required: true,
		placeholder: 'e.g. EUR',
		description: 'ISO 4217 code of the currency of all prices in the quote',
	},
	{
		displayName: 'Valid Until',
		name: 'validUntil',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'Last day on which the buyer can accept the quote',
	},
	{
		displayName: 'Define Lines',
		name: 'itemsInputMode',
		type: 'options',
		options: [
			{
				name: 'Using Fields Below',
				value: 'fields',
				description: 'Enter each line in the editor',
			},
			{
				name: 'Using JSON',
				value: 'json',
				description: 'Take an array of lines from JSON or an expression, e.g. from an ERP',
			},
		],
		default: 'fields',
	},
	{
		displayName: 'Lines',
		name: 'items',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Line',
		default: {},
		displayOptions: { show: { itemsInputMode: ['fields'] } },
		options: [{ displayName: 'Line', name: 'item', values: lineFields }],
	},
	{
		displayName: 'Lines (JSON)',
		name: 'itemsJson',
		type: 'json',
		default: '[]',
		required: true,
		displayOptions: { show: { itemsInputMode: ['json'] } },
		description:
			'Array of line objects with partNumber, brand, quantity and unitPrice, and optionally condition, leadTimeDays, warrantyMonths, description and rfqItemId',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Buyer Company Name',
				name: 'buyerCompanyName',
				type: 'string',
				default: '',
				placeholder: 'e.g. Noordveld Packaging B.V.',
				description: 'Buyer of a quote that is not for an RFQ',
			},
			{
				displayName: 'Buyer Email',
				name: 'buyerEmail',
				type: 'string',
				placeholder: 'e.g. name@email.com',
				default: '',
				description: 'E-mail address of the buyer of a quote that is not for an RFQ',
			},
			{
				displayName: 'External Reference',
				name: 'externalReference',
				type: 'string',
				default: '',
				placeholder: 'e.g. SO-2026-1187',
				description: "Your ERP's own ID for this quote",
			},
			{
				displayName: 'Incoterms',
				name: 'incoterms',
				type: 'string',
				default: '',
				placeholder: 'e.g. DAP',
				description: 'Incoterms rule for delivery',
			},
			{
				displayName: 'Notes',
				name: 'notes',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description: 'Free-text notes on the quote',
			},
			{
				displayName: 'Payment Terms',
				name: 'paymentTerms',
				type: 'string',
				default: '',
				placeholder: 'e.g. 100% prepayment',
			},
			{
				displayName: 'RFQ ID',
				name: 'rfqId',
				type: 'string',
				default: '',
				placeholder: 'e.g. rfq_7Hc2kQ1',
				description:
					'RFQ this quote responds to. Without it, set Buyer Company Name and Buyer Email.',
			},
			{
				displayName: 'Shipping Cost',
				name: 'shippingCost',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
				description: 'Shipping cost in the quote currency, added to the total',
			},
		],
	},
];
