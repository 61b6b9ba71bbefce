import {
	MAX_RETRIES,
	RETRY_AFTER_CAP_SECONDS,
	exceedsRetryAfterCap,
	isSafeToRepeat,
	retryAfterMs,
	serverErrorBackoffMs,
} from '../../nodes/shared/transport/retryPolicy';

describe('retryAfterMs', () => {
	test('seconds value', () => {
		expect(retryAfterMs('2')).toBe(2000);
		expect(retryAfterMs('0')).toBe(0);
		expect(retryAfterMs('1.5')).toBe(1500);
	});

	test('long delay not capped', () => {
		expect(retryAfterMs('3600')).toBe(3_600_000);
	});

	test('HTTP date', () => {
		const now = Date.parse('2026-12-04T12:00:00Z');
		expect(retryAfterMs('Fri, 04 Dec 2026 12:00:05 GMT', now)).toBe(5000);
		expect(retryAfterMs('Fri, 04 Dec 2026 11:59:00 GMT', now)).toBe(0);
		expect(retryAfterMs('Fri, 04 Dec 2026 12:02:00 GMT', now)).toBe(120_000);
	});

	test('missing or invalid header', () => {
		expect(retryAfterMs(undefined)).toBe(1000);
		expect(retryAfterMs('soon')).toBe(1000);
	});
});

describe('exceedsRetryAfterCap', () => {
	test('cap is 60 seconds', () => {
		expect(RETRY_AFTER_CAP_SECONDS).toBe(60);
	});

	test.each([
		[0, false],
		[60_000, false],
		[60_001, true],
		[3_600_000, true],
	])('%p ms gives %p', (waitMs, expected) => {
		expect(exceedsRetryAfterCap(waitMs)).toBe(expected);
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
