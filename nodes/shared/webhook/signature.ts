import { createHmac, timingSafeEqual } from 'crypto';

import {
	SIGNATURE_TOLERANCE_SECONDS,
	parseSignatureHeader,
	signedPayload,
} from '../transport/wire';

/** Reason a delivery failed verification, safe to log because it names no secret or signature. */
export type SignatureFailure =
	| 'no signing secret'
	| 'signature header missing'
	| 'signature header malformed'
	| 'signature mismatch'
	| 'timestamp outside tolerance';

export type SignatureCheck = { valid: true } | { valid: false; reason: SignatureFailure };

export interface SignedDelivery {
	/** The request body exactly as received. */
	rawBody: Buffer;
	/** The X-Automa-Signature header value. */
	signatureHeader: string | undefined;
	/** Every secret the delivery may be signed with; one match is enough. */
	signingSecrets: string[];
	/** The receiver's clock, in Unix seconds. */
	nowSeconds: number;
}

function digestMatches(expected: Buffer, signatureHex: string): boolean {
	const receivedDigest = Buffer.from(signatureHex, 'hex');
	return receivedDigest.length === expected.length && timingSafeEqual(receivedDigest, expected);
}

/**
 * Verifies an Automa.Net delivery. The header `t=<unix seconds>,v1=<hex>` must carry an
 * HMAC-SHA256 of `<t>.<raw body>` under one of the signing secrets, compared in constant time.
 * The time t must be at most SIGNATURE_TOLERANCE_SECONDS away from the receiver's clock. No
 * secret, or a missing or malformed header, fails the check.
 */
export function verifyDeliverySignature(delivery: SignedDelivery): SignatureCheck {
	const secrets = delivery.signingSecrets.filter((secret) => secret !== '');
	if (secrets.length === 0) return { valid: false, reason: 'no signing secret' };
	if (!delivery.signatureHeader) return { valid: false, reason: 'signature header missing' };

	const signature = parseSignatureHeader(delivery.signatureHeader);
	if (!signature) return { valid: false, reason: 'signature header malformed' };

	const payload = signedPayload(signature.timestamp, delivery.rawBody);
	const matched = secrets.some((secret) => {
		const expected = createHmac('sha256', secret).update(payload).digest();
		return signature.signatures.some((signatureHex) => digestMatches(expected, signatureHex));
	});
	if (!matched) return { valid: false, reason: 'signature mismatch' };

	// Checked after the HMAC, so this reason is only logged for authentic deliveries: a replay
	// or a clock that is off.
	if (Math.abs(delivery.nowSeconds - signature.timestamp) > SIGNATURE_TOLERANCE_SECONDS) {
		return { valid: false, reason: 'timestamp outside tolerance' };
	}
	return { valid: true };
}
