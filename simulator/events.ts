import type { EventType } from '../nodes/shared/transport/wire';
import type { Clock } from './clock';
import { createId } from './ids';
import { clone, type WebhookEventRecord } from './models';
import type { Store } from './store';
import type { WebhookDelivery } from './webhookDelivery';

/** Records webhook events and hands them to delivery. */
export class EventPublisher {
	constructor(
		private readonly store: Store,
		private readonly delivery: WebhookDelivery,
		private readonly clock: Clock,
	) {}

	/** Records an event with a snapshot of `data` and queues its deliveries. */
	publish(type: EventType, data: object): WebhookEventRecord {
		const event: WebhookEventRecord = {
			id: createId('evt'),
			type,
			createdAt: this.clock().toISOString(),
			data: clone(data) as Record<string, unknown>,
		};
		this.store.events.push(event);
		this.delivery.enqueue(event);
		return event;
	}
}
