import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../shared/transport/request';
import { ERROR_CODE, HEADER, readWebhookEvent } from '../shared/transport/wire';
import type { WebhookEvent } from '../shared/transport/wire';
import { coversEvent } from '../shared/webhook/eventOptions';
import { readRawBody } from '../shared/webhook/rawBody';
import { verifyDeliverySignature } from '../shared/webhook/signature';
import { deliveryItem } from './deliveryItem';
import { REGISTRATION } from './properties';
import type { Registration } from './properties';
import { countRejection } from './rejectionLogLimit';
import type { RejectionLogLine } from './rejectionLogLimit';
import { SubscriptionStore } from './subscriptionStore';

/**
 * Writes a JSON response with the Node.js response API, which n8n's Express response extends.
 * With the returned result n8n sends no response of its own and starts no workflow.
 */
function respondJson(
	ctx: IWebhookFunctions,
	statusCode: number,
	body: IDataObject,
): IWebhookResponseData {
	const response = ctx.getResponseObject();
	response.writeHead(statusCode, { 'Content-Type': 'application/json; charset=utf-8' });
	response.end(JSON.stringify(body));
	return { noWebhookResponse: true };
}

/** Builds the warning for a rejection, with the count when earlier ones were not logged. */
function rejectionMessage(reason: string, line: RejectionLogLine): string {
	if (line.rejectedSinceLastLine === 1) return `Automa.Net Trigger rejected a delivery: ${reason}`;
	const seconds = Math.round((line.msSinceLastLine ?? 0) / 1000);
	return `Automa.Net Trigger rejected ${line.rejectedSinceLastLine} deliveries in the ${seconds} s since the last such warning: ${reason}`;
}

/**
 * Responds 401 and logs the reason, without the signature or any secret. Repeated rejections
 * are rate-limited per workflow, node and reason (see rejectionLogLimit.ts).
 */
function rejectUnverified(
	ctx: IWebhookFunctions,
	reason: string,
	detail: IDataObject = {},
): IWebhookResponseData {
	const key = `${ctx.getWorkflow().id ?? ''}/${ctx.getNode().id}/${reason}`;
	const line = countRejection(key);
	if (line) {
		ctx.logger.warn(rejectionMessage(reason, line), {
			...detail,
			rejectedSinceLastLine: line.rejectedSinceLastLine,
			deliveryId: headerValue(ctx, HEADER.deliveryId),
			eventType: headerValue(ctx, HEADER.eventType),
		});
	}
	return respondJson(ctx, 401, {
		error: { code: ERROR_CODE.unauthorized, message: 'Webhook signature verification failed' },
	});
}

function headerValue(ctx: IWebhookFunctions, name: string): string | undefined {
	const value = ctx.getHeaderData()[name];
	// Node.js joins repeated custom headers into one string, so an array is never a valid value.
	return typeof value === 'string' ? value : undefined;
}

/**
 * Returns the secrets a delivery may be signed with. Automatic registration: the secrets of the
 * subscriptions this node created (the test URL and the production URL each have one). Manual
 * registration: the credential's Webhook Signing Secret. Each source is used only in its mode.
 */
async function signingSecretsOf(ctx: IWebhookFunctions): Promise<string[]> {
	const registration = ctx.getNodeParameter('registration', REGISTRATION.automatic) as Registration;
	if (registration === REGISTRATION.automatic) {
		return new SubscriptionStore(ctx.getWorkflowStaticData('node')).signingSecrets();
	}

	try {
		const credentials = await ctx.getCredentials<{ webhookSecret?: string }>(CREDENTIAL_TYPE);
		return typeof credentials.webhookSecret === 'string' ? [credentials.webhookSecret] : [];
	} catch (error) {
		ctx.logger.error('Automa.Net Trigger could not read the Automa.Net API credential', {
			error: (error as Error).message,
		});
		return [];
	}
}

/** Reads the raw body, or the reason it could not be read, e.g. a multipart body n8n consumed. */
async function rawBodyOf(
	ctx: IWebhookFunctions,
): Promise<{ rawBody: Buffer } | { readError: string | undefined }> {
	try {
		const rawBody = await readRawBody(ctx.getRequestObject());
		return rawBody ? { rawBody } : { readError: undefined };
	} catch (error) {
		return { readError: (error as Error).message };
	}
}

function parseEvent(rawBody: Buffer): WebhookEvent | undefined {
	const text = rawBody.toString('utf8');
	// A leading byte order mark is signed like any other byte, but JSON.parse rejects it.
	const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	try {
		return readWebhookEvent(JSON.parse(json));
	} catch {
		// JSON.parse throws only SyntaxError, and the caller responds 400.
		return undefined;
	}
}

/**
 * Handles one delivery. Verification fails closed: without a raw body, a secret, a valid
 * signature over that body or a fresh timestamp the response is 401 and no workflow starts. An
 * authentic body that is not an event envelope gets 400. An event type not chosen in Trigger On
 * gets 200 and starts nothing, so Automa.Net does not retry it. Any other event starts the
 * workflow with one item.
 */
export async function receiveDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const body = await rawBodyOf(this);
	if (!('rawBody' in body)) {
		const detail = body.readError === undefined ? {} : { error: body.readError };
		return rejectUnverified(this, 'raw body unavailable', detail);
	}
	const { rawBody } = body;

	const check = verifyDeliverySignature({
		rawBody,
		signatureHeader: headerValue(this, HEADER.signature),
		signingSecrets: await signingSecretsOf(this),
		nowSeconds: Math.floor(Date.now() / 1000),
	});
	if (!check.valid) return rejectUnverified(this, check.reason);

	const event = parseEvent(rawBody);
	if (!event) {
		this.logger.warn('Automa.Net Trigger rejected a delivery: the body is not an event in JSON', {
			deliveryId: headerValue(this, HEADER.deliveryId),
		});
		return respondJson(this, 400, {
			error: { code: ERROR_CODE.badRequest, message: 'Body is not an Automa.Net event in JSON' },
		});
	}

	const chosen = this.getNodeParameter('events', []) as string[];
	if (!coversEvent(chosen, event.type)) {
		this.logger.debug('Automa.Net Trigger ignored an event type not chosen in Trigger On', {
			eventId: event.id,
			eventType: event.type,
		});
		return respondJson(this, 200, { received: true, workflowStarted: false });
	}

	const rawDelivery = this.getNodeParameter('options.rawDelivery', false) as boolean;
	const item = deliveryItem(
		event,
		rawDelivery ? { headers: this.getHeaderData(), rawBody } : undefined,
	);
	return { workflowData: [[{ json: item }]] };
}
