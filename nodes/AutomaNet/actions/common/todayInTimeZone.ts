/**
 * Returns today's date as `YYYY-MM-DD` in an IANA time zone such as `Europe/Berlin`, or in UTC
 * when the zone is empty or unknown to the runtime. Returns the zone used with the date.
 */
export function todayInTimeZone(
	timeZone: string,
	now: Date = new Date(),
): { date: string; timeZone: string } {
	let format: Intl.DateTimeFormat;
	try {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone: timeZone || 'UTC',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
		});
	} catch {
		return { date: now.toISOString().slice(0, 10), timeZone: 'UTC' };
	}

	const part = (type: Intl.DateTimeFormatPartTypes) =>
		format.formatToParts(now).find((entry) => entry.type === type)?.value ?? '';
	return {
		date: `${part('year')}-${part('month')}-${part('day')}`,
		timeZone: format.resolvedOptions().timeZone,
	};
}
