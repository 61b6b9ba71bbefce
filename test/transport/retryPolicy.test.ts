import {
	MAX_RETRIES,
	RETRY_AFTER_CAP_SECONDS,
	isSafeToRepeat,
	rateLimitWaitMs,
	serverErrorBackoffMs,
} from '../../nodes/shared/transport/retryPolicy';

describe('rateLimitWaitMs', () => {
	test('seconds value', () => {
		expect(rateLimitWaitMs('2')).toBe(2000);
		expect(rateLimitWaitMs('0')).toBe(0);
		expect(rateLimitWaitMs('1.5')).toBe(1500);
	});

	test('capped at the maximum', () => {
		expect(RETRY_AFTER_CAP_SECONDS).toBe(60);
		expect(rateLimitWaitMs('3600')).toBe(60_000);
	});

	test('HTTP date', () => {
		const now = Date.parse('2026-12-04T12:00:00Z');
		expect(rateLimitWaitMs('Fri, 04 Dec 2026 12:00:05 GMT', now)).toBe(5000);
		expect(rateLimitWaitMs('Fri, 04 Dec 2026 11:59:00 GMT', now)).toBe(0);
	});

	test('missing or invalid header', () => {
		expect(rateLimitWaitMs(undefined)).toBe(1000);
		expect(rateLimitWaitMs('soon')).toBe(1000);
	});
});

describe('isSafeToRepeat', () => {
	test.each([
		['GET', undefined, true],
		['PUT', undefined, true],
		['PATCH', undefined, true],
		['DELETE', undefined, true],
		['POST', undefined, false],
		['POST', '', false],
		['POST', 'n8n-abc', true],
	] as const)('%s with key %p', (method, key, expected) => {
		expect(isSafeToRepeat(method, key)).toBe(expected);
	});
});

describe('serverErrorBackoffMs', () => {
	test('doubles per retry', () => {
		const waits = Array.from({ length: MAX_RETRIES }, (_, index) =>
			serverErrorBackoffMs(index + 1),
		);
		expect(waits).toEqual([250, 500, 1000]);
	});
});
