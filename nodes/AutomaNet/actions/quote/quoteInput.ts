import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { QuoteInput } from '../../../shared/transport/wire';
import {
	describeReceived,
	invalidInput,
	parseDecimal,
	readCalendarDate,
	readEmail,
	readOptionalText,
} from '../common/inputValidation';
import { todayInTimeZone } from '../common/todayInTimeZone';
import { readQuoteItems } from './quoteItems';

/**
 * Reads and checks the Create Quote / Update Quote parameters of one input item, throwing a
 * NodeOperationError before any request when a value is missing or invalid.
 */
export function readQuoteInput(this: IExecuteFunctions, itemIndex: number): QuoteInput {
	const node = this.getNode();
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;

	const currencyValue = this.getNodeParameter('currency', itemIndex, '') as unknown;
	const currency = readOptionalText(currencyValue)?.toUpperCase() ?? '';
	if (!/^[A-Z]{3}$/.test(currency)) {
		throw invalidInput(
			node,
			itemIndex,
			`Currency must be a three-letter ISO 4217 code, got ${describeReceived(currencyValue)}`,
			'Enter a currency code such as EUR, USD or PLN',
		);
	}

	const validUntil = readCalendarDate(
		node,
		itemIndex,
		this.getNodeParameter('validUntil', itemIndex, ''),
		'Valid Until',
	);
	// n8n's getTimezone() is the workflow's time zone setting, else the instance's
	// GENERIC_TIMEZONE, so "today" is the date the user sees in n8n, not the UTC date.
	const today = todayInTimeZone(this.getTimezone());
	// Both dates are YYYY-MM-DD, so text order is date order.
	if (validUntil < today.date) {
		throw invalidInput(
			node,
			itemIndex,
			`Valid Until must be today or later, got "${validUntil}"`,
			`Pick a date from today on: ${today.date} or later in the workflow's time zone (${today.timeZone})`,
		);
	}

	const items = readQuoteItems.call(this, itemIndex);

	const rfqId = readOptionalText(additional.rfqId);
	const buyerCompanyName = readOptionalText(additional.buyerCompanyName);
	const buyerEmail =
		readOptionalText(additional.buyerEmail) === undefined
			? undefined
			: readEmail(node, itemIndex, additional.buyerEmail, 'Buyer Email');
	if (!rfqId && !buyerCompanyName && !buyerEmail) {
		throw invalidInput(
			node,
			itemIndex,
			'The quote needs an RFQ ID or a buyer',
			'Under Additional Fields, set RFQ ID to the RFQ this quote responds to, or set Buyer Company Name and Buyer Email',
		);
	}

	const shippingCostValue = additional.shippingCost;
	const shippingCost =
		readOptionalText(shippingCostValue) === undefined ? undefined : parseDecimal(shippingCostValue);
	if (shippingCost !== undefined && (!Number.isFinite(shippingCost) || shippingCost < 0)) {
		throw invalidInput(
			node,
			itemIndex,
			`Shipping Cost must be a number of 0 or more, got ${describeReceived(shippingCostValue)}`,
			'Enter the shipping cost in the quote currency, e.g. 25',
		);
	}

	return {
		rfqId,
		buyer:
			buyerCompanyName || buyerEmail
				? { companyName: buyerCompanyName, email: buyerEmail }
				: undefined,
		currency,
		validUntil,
		items,
		shippingCost,
		paymentTerms: readOptionalText(additional.paymentTerms),
		incoterms: readOptionalText(additional.incoterms),
		notes: readOptionalText(additional.notes),
		externalReference: readOptionalText(additional.externalReference),
	};
}
