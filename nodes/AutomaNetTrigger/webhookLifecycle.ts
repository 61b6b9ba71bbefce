import { randomUUID } from 'crypto';
import type { IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isNodeApiError } from '../shared/transport/nodeErrorGuards';
import { automaNetApiRequest, requestAllPages } from '../shared/transport/request';
import { PATH, readWebhookSubscription, webhookCreateBody } from '../shared/transport/wire';
import { sameEventSet, subscribedEvents } from '../shared/webhook/eventOptions';
import { REGISTRATION } from './properties';
import type { Registration } from './properties';
import { SubscriptionStore } from './subscriptionStore';
import type { StoredSubscription } from './subscriptionStore';

function registrationOf(ctx: IHookFunctions): Registration {
	return ctx.getNodeParameter('registration', REGISTRATION.automatic) as Registration;
}

function webhookUrlOf(ctx: IHookFunctions): string {
	const url = ctx.getNodeWebhookUrl('default');
	if (!url) {
		throw new NodeOperationError(ctx.getNode(), 'n8n returned no webhook URL for this node', {
			description: 'Check the WEBHOOK_URL setting of this n8n instance.',
		});
	}
	return url;
}

function chosenEvents(ctx: IHookFunctions): string[] {
	const events = subscribedEvents(ctx.getNodeParameter('events', []) as string[]);
	if (events.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'No event is chosen in Trigger On', {
			description: 'Choose at least one event, or All Events, in Trigger On.',
		});
	}
	return events;
}

function storeOf(ctx: IHookFunctions): SubscriptionStore {
	return new SubscriptionStore(ctx.getWorkflowStaticData('node'));
}

function isNotFound(error: unknown): boolean {
	return isNodeApiError(error) && error.httpCode === '404';
}

/** Deletes a subscription this node created. One already gone from Automa.Net counts as deleted. */
async function deleteSubscription(
	ctx: IHookFunctions,
	subscription: StoredSubscription,
): Promise<void> {
	try {
		await automaNetApiRequest.call(ctx, {
			method: 'DELETE',
			path: PATH.webhook(subscription.webhookId),
		});
	} catch (error) {
		if (isNotFound(error)) {
			ctx.logger.info('Automa.Net Trigger found its webhook subscription already deleted', {
				webhookId: subscription.webhookId,
				url: subscription.url,
			});
			return;
		}

		const message = `Could not delete Automa.Net webhook subscription ${subscription.webhookId}: ${(error as Error).message}`;
		ctx.logger.error(message, { webhookId: subscription.webhookId, url: subscription.url });
		throw new NodeOperationError(ctx.getNode(), error as Error, {
			message,
			description:
				'The node keeps the subscription on record, so the next deactivation tries again. To stop its deliveries now, delete it in the Automa.Net dashboard under Settings, API integration.',
		});
	}
}

/**
 * Returns whether the subscription this node stored for its webhook URL still exists on
 * Automa.Net with that URL and the chosen events. Subscriptions the node did not create are never
 * considered, even with the same URL. A stored subscription that is gone from Automa.Net is
 * forgotten, so create() makes a new one. With manual registration the dashboard owns the
 * subscription, so this returns true unless an automatic subscription is left to clean up.
 */
export async function subscriptionExists(this: IHookFunctions): Promise<boolean> {
	const url = webhookUrlOf(this);
	const store = storeOf(this);
	const stored = store.get(url);
	if (registrationOf(this) === REGISTRATION.manual) return stored === undefined;
	if (!stored) return false;

	const records = await requestAllPages.call(this, PATH.webhooks, {});
	const remote = records
		.map(readWebhookSubscription)
		.find((subscription) => subscription.id === stored.webhookId);
	if (!remote) {
		this.logger.info('Automa.Net Trigger webhook subscription was deleted on Automa.Net', {
			webhookId: stored.webhookId,
			url,
		});
		store.remove(url);
		return false;
	}

	// A changed URL or event list makes create() replace the subscription.
	return remote.url === url && sameEventSet(remote.events, chosenEvents(this));
}

/**
 * Subscribes the node's webhook URL to the chosen events and stores the subscription id and
 * signing secret. A subscription the node stored earlier for the same URL is deleted first, so a
 * changed event list or URL leaves no stale subscription behind. With manual registration only
 * that clean-up runs.
 */
export async function createSubscription(this: IHookFunctions): Promise<boolean> {
	const url = webhookUrlOf(this);
	const store = storeOf(this);
	const previous = store.get(url);
	if (previous) {
		await deleteSubscription(this, previous);
		store.remove(url);
	}
	if (registrationOf(this) === REGISTRATION.manual) return true;

	const events = chosenEvents(this);
	const workflow = this.getWorkflow();
	const description = `n8n workflow "${workflow.name ?? ''}" (${workflow.id ?? ''}), node "${this.getNode().name}"`;
	const response = await automaNetApiRequest.call(this, {
		method: 'POST',
		path: PATH.webhooks,
		body: webhookCreateBody({ url, events, description }),
		// A fresh key per create() call lets the transport retry a 5xx without subscribing twice.
		idempotencyKey: `n8n-${randomUUID()}`,
	});

	const created = readWebhookSubscription(response);
	if (!created.id || !created.secret) {
		if (created.id) {
			await deleteSubscription(this, { webhookId: created.id, url, events, signingSecret: '' });
		}
		throw new NodeOperationError(
			this.getNode(),
			'Automa.Net returned the webhook subscription without an id or a signing secret',
			{
				description:
					'Without a signing secret the node would reject every delivery. Activate the workflow again; if this repeats, contact Automa.Net support.',
			},
		);
	}

	store.save({
		webhookId: created.id,
		url,
		events: created.events.length > 0 ? created.events : events,
		signingSecret: created.secret,
	});
	return true;
}

/** Deletes the subscription this node stored for its webhook URL, if any, and its record. */
export async function deleteStoredSubscription(this: IHookFunctions): Promise<boolean> {
	const url = webhookUrlOf(this);
	const store = storeOf(this);
	const stored = store.get(url);
	if (!stored) return true;

	await deleteSubscription(this, stored);
	store.remove(url);
	return true;
}
