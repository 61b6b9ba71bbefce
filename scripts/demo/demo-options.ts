/**
 * The command line of `npm run demo`: its options, their parsing and the usage text that
 * `--help` and an invalid option print.
 */
import { runtimeCacheDirectory } from './runtime-cache';
import { SALE_SCENARIOS, type SaleScenario } from './sale-scenario';

export interface DemoOptions {
	scenarios: SaleScenario[];
	keep: boolean;
	verbose: boolean;
}

/** Result of parsing the command line: the options to run with, or a request for the usage. */
export type DemoCommand = { kind: 'run'; options: DemoOptions } | { kind: 'help' };

/** Invalid command-line argument. The demo prints the message and the usage, then exits 2. */
export class DemoUsageError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'DemoUsageError';
	}
}

/** Parses the demo's arguments, without the node binary and script path. */
export function parseDemoArguments(argv: string[]): DemoCommand {
	let scenarios: SaleScenario[] = ['sale'];
	let keep = false;
	let verbose = false;
	for (const argument of argv) {
		if (argument === '--help' || argument === '-h') {
			return { kind: 'help' };
		} else if (argument === '--verbose') {
			verbose = true;
		} else if (argument === '--keep') {
			keep = true;
		} else if (argument.startsWith('--scenario=')) {
			const value = argument.slice('--scenario='.length);
			if (value === 'all') {
				scenarios = [...SALE_SCENARIOS];
			} else if ((SALE_SCENARIOS as readonly string[]).includes(value)) {
				scenarios = [value as SaleScenario];
			} else {
				throw new DemoUsageError(
					`Invalid scenario "${value}": use ${SALE_SCENARIOS.join(', ')} or all`,
				);
			}
		} else {
			throw new DemoUsageError(`Unknown option "${argument}"`);
		}
	}
	return { kind: 'run', options: { scenarios, keep, verbose } };
}

/** Returns the usage text, ending with a newline. */
export function demoUsage(): string {
	return [
		'Usage: npm run demo -- [options]',
		'   or: node build/scripts/demo/main.js [options]   (after npm run build)',
		'',
		"Plays a sale between the Automa.Net simulator's buyer and the example workflows in a real",
		'n8n 2.41.1, both on 127.0.0.1, printing each step and a summary, then stops both.',
		'',
		'Options:',
		'  --scenario=NAME  scenario to play (default sale):',
		'                     sale           the buyer pays by bank transfer, a workflow marks it paid',
		'                     stripeSale     the buyer pays with Stripe',
		'                     quoteDeclined  the buyer declines the quote, so no order follows',
		'                     orderDeclined  a workflow declines the order for short stock',
		'                     all            the four above, one after another',
		'  --keep           keep n8n and the simulator running after the scenarios until Ctrl-C,',
		'                   and print their URLs, the n8n login and the simulator API key',
		"  --verbose        also print n8n's and the simulator's log lines",
		'  --help, -h       print this help and exit',
		'',
		`Node 24 and n8n 2.41.1 are cached in ${runtimeCacheDirectory()}; the first run`,
		'installs them (about 3 GB, a few minutes).',
		'Exit code: 0 when every scenario completed, 1 when one failed, 2 for an invalid option,',
		'130 when Ctrl-C stops the demo before the scenarios end.',
		'',
	].join('\n');
}
