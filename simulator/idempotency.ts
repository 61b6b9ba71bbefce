import { createHash } from 'node:crypto';

import { ERROR_CODE } from '../nodes/shared/transport/wire';
import { ApiError } from './apiError';
import type { Clock } from './clock';

function compareKeys(left: string, right: string): number {
	if (left === right) return 0;
	return left < right ? -1 : 1;
}

/** Serializes JSON with object keys sorted, so equal values give equal text. */
function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, entry]) => entry !== undefined)
			.sort(([left], [right]) => compareKeys(left, right));
		return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
	}
	return JSON.stringify(value ?? null);
}

/** How long a stored response is replayed: 24 hours. */
const RETENTION_MS = 24 * 60 * 60 * 1000;

export interface StoredResponse {
	status: number;
	body: unknown;
}

interface Entry {
	fingerprint: string;
	response: StoredResponse;
	storedAtMs: number;
}

/**
 * Idempotency-Key handling for POST requests, scoped by API key. Only successful (2xx) responses
 * are stored, so a request that failed validation or hit an injected fault can be retried with
 * the same key.
 */
export class IdempotencyStore {
	private readonly entries = new Map<string, Entry>();

	constructor(private readonly clock: Clock) {}

	clear(): void {
		this.entries.clear();
	}

	/**
	 * Hashes what makes two requests the same: method, path and the JSON body with its object
	 * keys sorted, so that key order and whitespace do not count as a different body.
	 */
	static fingerprint(method: string, path: string, body: unknown): string {
		return createHash('sha256')
			.update(`${method} ${path}\n${canonicalJson(body)}`)
			.digest('hex');
	}

	/**
	 * Returns the stored response of an earlier request with this key, or undefined when there is
	 * none. Throws 409 `idempotency_key_reused` when the key came with a different request.
	 */
	lookup(scope: string, key: string, fingerprint: string): StoredResponse | undefined {
		const entry = this.entries.get(`${scope}\n${key}`);
		if (!entry) return undefined;
		if (this.clock().getTime() - entry.storedAtMs > RETENTION_MS) {
			this.entries.delete(`${scope}\n${key}`);
			return undefined;
		}
		if (entry.fingerprint !== fingerprint) {
			throw new ApiError(
				409,
				ERROR_CODE.idempotencyKeyReused,
				'this Idempotency-Key was already used with a different request; use a new key for a new request',
			);
		}
		return entry.response;
	}

	store(scope: string, key: string, fingerprint: string, response: StoredResponse): void {
		this.entries.set(`${scope}\n${key}`, {
			fingerprint,
			response: structuredClone(response),
			storedAtMs: this.clock().getTime(),
		});
	}
}
