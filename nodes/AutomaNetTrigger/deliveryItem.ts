import type { IDataObject } from 'n8n-workflow';

import { HEADER } from '../shared/transport/wire';
import type { WebhookEvent } from '../shared/transport/wire';

/**
 * Request headers left out of rawDelivery: the signature, which proves the delivery for five
 * minutes, and headers that carry credentials of a proxy or of n8n itself.
 */
const OMITTED_HEADERS = new Set([
	HEADER.signature.toLowerCase(),
	HEADER.authorization.toLowerCase(),
	'proxy-authorization',
	'cookie',
]);

export interface RawDelivery {
	/** Request headers as n8n received them, with lower-case names. */
	headers: Record<string, string | string[] | undefined>;
	rawBody: Buffer;
}

function shareableHeaders(headers: RawDelivery['headers']): IDataObject {
	const result: IDataObject = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value !== undefined && !OMITTED_HEADERS.has(name.toLowerCase())) result[name] = value;
	}
	return result;
}

/**
 * Builds the output item of an event: the fields of `data` at top level, then eventId, eventType
 * and eventCreatedAt (these win over data fields of the same name). With a raw delivery, adds
 * rawDelivery: { headers, body }, where body is the request body as UTF-8 text.
 */
export function deliveryItem(event: WebhookEvent, rawDelivery?: RawDelivery): IDataObject {
	const item: IDataObject = {
		...event.data,
		eventId: event.id,
		eventType: event.type,
		eventCreatedAt: event.createdAt,
	};
	if (rawDelivery) {
		item.rawDelivery = {
			headers: shareableHeaders(rawDelivery.headers),
			body: rawDelivery.rawBody.toString('utf8'),
		};
	}
	return item;
}
