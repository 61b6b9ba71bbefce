/** Renders the end-of-run summary of a scenario as aligned text rows. */
import type { SaleOutcome } from './sale-outcome';

/** Returns the summary lines of one scenario's outcome. */
export function renderSummary(outcome: SaleOutcome): string[] {
	const rows: string[][] = [];
	rows.push(['RFQ', outcome.rfq.number, outcome.rfq.status, '']);

	const { quote, order, payment } = outcome;
	rows.push(
		quote
			? ['Quote', quote.number, quote.status, `${quote.total} ${quote.currency}`]
			: ['Quote', '-', 'none', ''],
	);
	rows.push(
		order
			? ['Order', order.number, order.status, order.trackingUrl ?? order.declineReason ?? '']
			: ['Order', '-', 'none', ''],
	);
	rows.push(
		payment
			? ['Payment', payment.id, payment.status, `${payment.method}, ${payment.amount}`]
			: ['Payment', '-', 'none', ''],
	);
	for (const delivery of outcome.deliveries) {
		const attempts = delivery.statuses.length;
		rows.push([
			'Delivery',
			delivery.type,
			delivery.statuses.map((status) => `HTTP ${status}`).join(', '),
			`${attempts} attempt${attempts === 1 ? '' : 's'}, ${delivery.eventId}`,
		]);
	}
	for (const execution of [...outcome.executions].reverse()) {
		rows.push([
			'Execution',
			`#${execution.id} ${execution.workflowName || execution.workflowId}`,
			execution.status,
			`${execution.mode}, ${formatDuration(execution.startedAt, execution.stoppedAt)}`,
		]);
	}

	const lines = alignColumns(rows);
	lines.push('');
	for (const check of outcome.checks) {
		lines.push(`${check.passed ? 'ok    ' : 'FAILED'}  ${check.name}: ${check.detail}`);
	}
	return lines;
}

function formatDuration(startedAt: string, stoppedAt: string): string {
	const milliseconds = Date.parse(stoppedAt) - Date.parse(startedAt);
	return Number.isFinite(milliseconds) ? `${(milliseconds / 1000).toFixed(2)} s` : 'unfinished';
}

function alignColumns(rows: string[][]): string[] {
	const widths: number[] = [];
	for (const row of rows) {
		row.forEach((cell, column) => {
			widths[column] = Math.max(widths[column] ?? 0, cell.length);
		});
	}
	return rows.map((row) =>
		row
			.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column])))
			.join('  ')
			.trimEnd(),
	);
}
