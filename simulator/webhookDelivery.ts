import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';

import axios from 'axios';

import {
	ALL_EVENTS,
	HEADER,
	formatSignatureHeader,
	signedPayload,
} from '../nodes/shared/transport/wire';
import type { Clock } from './clock';
import type { WebhookEventRecord, WebhookSubscriptionRecord } from './models';
import type { Store } from './store';

export interface DeliveryOptions {
	/** Waits before the second, third, ... attempt; the delivery gives up after the last one. */
	retryDelaysMs: number[];
	/** Time allowed for one attempt before it counts as a connection failure (status 0). */
	timeoutMs: number;
	clock: Clock;
	log: (line: string) => void;
}

interface SubscriptionQueue {
	events: WebhookEventRecord[];
	running: boolean;
}

/** Checks whether a subscription's event list covers an event type. */
export function subscriptionMatches(webhook: WebhookSubscriptionRecord, type: string): boolean {
	return webhook.events.includes(ALL_EVENTS) || webhook.events.includes(type);
}

/** Computes the signature header value of one delivery attempt. */
export function signDelivery(secret: string, timestamp: number, rawBody: string): string {
	const digest = createHmac('sha256', secret)
		.update(signedPayload(timestamp, rawBody))
		.digest('hex');
	return formatSignatureHeader(timestamp, digest);
}

/**
 * Delivers events to webhook subscriptions: one FIFO queue per subscription, so a subscription
 * receives its events in order, and an event that is being retried holds back the later ones.
 * A non-2xx response or a connection error is retried after each configured delay, with the same
 * event id, and every attempt is logged in the store.
 */
export class WebhookDelivery {
	private readonly queues = new Map<string, SubscriptionQueue>();
	private pending = 0;
	private idleWaiters: Array<() => void> = [];
	private readonly timers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
	private readonly abortController = new AbortController();
	private readonly httpAgent = new http.Agent({ keepAlive: false });
	private readonly httpsAgent = new https.Agent({ keepAlive: false });
	private stopped = false;

	constructor(
		private readonly store: Store,
		private readonly options: DeliveryOptions,
	) {}

	/** Queues an event for every subscription whose event list matches its type. */
	enqueue(event: WebhookEventRecord): void {
		if (this.stopped) return;
		for (const webhook of this.store.webhooks.values()) {
			if (!subscriptionMatches(webhook, event.type)) continue;
			let queue = this.queues.get(webhook.id);
			if (!queue) {
				queue = { events: [], running: false };
				this.queues.set(webhook.id, queue);
			}
			queue.events.push(event);
			this.pending += 1;
			if (!queue.running) void this.drain(webhook.id, queue);
		}
	}

	/** Resolves when no delivery is queued, in flight or waiting for a retry. */
	idle(): Promise<void> {
		if (this.pending === 0) return Promise.resolve();
		return new Promise((resolve) => this.idleWaiters.push(resolve));
	}

	/** Cancels queued deliveries, pending retries and requests in flight. */
	stop(): void {
		this.stopped = true;
		this.abortController.abort();
		for (const entry of this.timers) {
			clearTimeout(entry.timer);
			entry.resolve();
		}
		this.timers.clear();
		this.queues.clear();
		this.pending = 0;
		this.httpAgent.destroy();
		this.httpsAgent.destroy();
		this.notifyIdle();
	}

	/** Drops the queued deliveries of a deleted subscription. */
	forget(webhookId: string): void {
		const queue = this.queues.get(webhookId);
		if (!queue) return;
		// The running event (if any) stays counted until its loop notices the deletion.
		const dropped = queue.running ? queue.events.length - 1 : queue.events.length;
		queue.events.splice(queue.running ? 1 : 0);
		this.finish(Math.max(dropped, 0));
	}

	private async drain(webhookId: string, queue: SubscriptionQueue): Promise<void> {
		queue.running = true;
		while (!this.stopped && queue.events.length > 0) {
			const event = queue.events[0];
			await this.deliver(webhookId, event);
			if (this.stopped) return;
			queue.events.shift();
			this.finish(1);
		}
		queue.running = false;
		if (queue.events.length === 0) this.queues.delete(webhookId);
	}

	private async deliver(webhookId: string, event: WebhookEventRecord): Promise<void> {
		const rawBody = JSON.stringify({
			id: event.id,
			type: event.type,
			createdAt: event.createdAt,
			data: event.data,
		});
		const attempts = this.options.retryDelaysMs.length + 1;
		for (let attempt = 1; attempt <= attempts; attempt++) {
			if (attempt > 1) await this.wait(this.options.retryDelaysMs[attempt - 2]);
			const webhook = this.store.webhooks.get(webhookId);
			if (this.stopped || !webhook) return;
			const { status, error } = await this.post(webhook, event, rawBody);
			if (this.stopped) return;
			this.store.deliveries.push({
				eventId: event.id,
				type: event.type,
				webhookId,
				url: webhook.url,
				attempt,
				status,
				error,
				at: this.options.clock().toISOString(),
			});
			const outcome = error ? `failed (${error})` : String(status);
			this.options.log(
				`webhook ${event.type} ${event.id} -> ${webhook.url} attempt ${attempt}/${attempts} ${outcome}`,
			);
			if (status >= 200 && status < 300) return;
		}
	}

	private async post(
		webhook: WebhookSubscriptionRecord,
		event: WebhookEventRecord,
		rawBody: string,
	): Promise<{ status: number; error: string | null }> {
		const timestamp = Math.floor(this.options.clock().getTime() / 1000);
		try {
			const response = await axios.post(webhook.url, rawBody, {
				headers: {
					'Content-Type': 'application/json',
					'User-Agent': 'AutomaNet-Simulator-Webhooks/1.0',
					[HEADER.eventType]: event.type,
					[HEADER.deliveryId]: event.id,
					[HEADER.signature]: signDelivery(webhook.secret, timestamp, rawBody),
				},
				transformRequest: [(body: string) => body],
				responseType: 'text',
				validateStatus: () => true,
				maxRedirects: 0,
				timeout: this.options.timeoutMs,
				signal: this.abortController.signal,
				httpAgent: this.httpAgent,
				httpsAgent: this.httpsAgent,
				proxy: false,
			});
			return { status: response.status, error: null };
		} catch (error) {
			return { status: 0, error: (error as Error).message };
		}
	}

	private wait(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const entry = {
				timer: setTimeout(() => {
					this.timers.delete(entry);
					resolve();
				}, ms),
				resolve,
			};
			this.timers.add(entry);
		});
	}

	private finish(count: number): void {
		this.pending = Math.max(0, this.pending - count);
		if (this.pending === 0) this.notifyIdle();
	}

	private notifyIdle(): void {
		const waiters = this.idleWaiters;
		this.idleWaiters = [];
		for (const resolve of waiters) resolve();
	}
}
