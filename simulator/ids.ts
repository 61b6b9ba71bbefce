import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Creates an opaque id such as `qt_4fT9kQ2mZx1B`, made of the prefix, an underscore and 12 random characters. */
export function createId(prefix: string): string {
	const bytes = randomBytes(12);
	let suffix = '';
	for (const byte of bytes) suffix += ALPHABET[byte % ALPHABET.length];
	return `${prefix}_${suffix}`;
}

/** Creates a webhook signing secret: `whsec_` and 64 hex characters. */
export function createSigningSecret(): string {
	return `whsec_${randomBytes(32).toString('hex')}`;
}

/** Formats a human-facing number such as `QT-2026-00001`. */
export function formatNumber(prefix: string, year: number, sequence: number): string {
	return `${prefix}-${year}-${String(sequence).padStart(5, '0')}`;
}
