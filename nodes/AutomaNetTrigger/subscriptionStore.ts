import type { IDataObject } from 'n8n-workflow';

/** A webhook subscription this node created on Automa.Net, as kept in the workflow's static data. */
export interface StoredSubscription {
	webhookId: string;
	url: string;
	events: string[];
	signingSecret: string;
}

type StoredSubscriptions = Record<string, StoredSubscription>;

/** Key of the subscriptions map in the node's static data. */
const SUBSCRIPTIONS_KEY = 'subscriptions';

/**
 * The subscriptions this node created, keyed by the n8n webhook URL they deliver to. The test URL
 * (/webhook-test/...) and the production URL (/webhook/...) differ, so a test listen and an
 * active workflow each keep their own entry and never replace or delete the other's.
 */
export class SubscriptionStore {
	constructor(private readonly staticData: IDataObject) {}

	get(url: string): StoredSubscription | undefined {
		return this.all()[url];
	}

	save(subscription: StoredSubscription): void {
		// A new top-level object, so n8n's change tracking on static data detects the write.
		this.staticData[SUBSCRIPTIONS_KEY] = { ...this.all(), [subscription.url]: subscription };
	}

	remove(url: string): void {
		const subscriptions = { ...this.all() };
		delete subscriptions[url];
		this.staticData[SUBSCRIPTIONS_KEY] = subscriptions;
	}

	/** Returns the signing secrets of every stored subscription. */
	signingSecrets(): string[] {
		return Object.values(this.all())
			.map((subscription) => subscription.signingSecret)
			.filter((secret) => typeof secret === 'string' && secret !== '');
	}

	private all(): StoredSubscriptions {
		const value = this.staticData[SUBSCRIPTIONS_KEY];
		return value && typeof value === 'object' ? (value as StoredSubscriptions) : {};
	}
}
