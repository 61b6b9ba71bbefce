/**
 * `npm run demo`: plays a whole sale between the Automa.Net simulator's buyer and the example
 * workflows running in a real n8n 2.41.1, prints each step, then a summary. Exits 0 only when
 * every scenario completed as intended. Every process it started is stopped on exit, on
 * Ctrl-C and on failure; only the Node 24 and n8n cache stays behind.
 *
 * Options (parsed and described in demo-options.ts):
 * --scenario=sale|stripeSale|quoteDeclined|orderDeclined|all, --keep (keep n8n and the simulator
 * running after the sale until Ctrl-C, to look at the workflows and executions in the editor),
 * --verbose (also print n8n's and the simulator's log lines) and --help.
 */
import { killAllProcessesNow, stopAllProcesses } from './child-processes';
import { startDemoEnvironment, type DemoEnvironment } from './demo-environment';
import { demoUsage, DemoUsageError, parseDemoArguments, type DemoOptions } from './demo-options';
import { describeRunningEnvironment, keepRunningUntilShutdown } from './keep-running';
import { collectSaleOutcome, takeBaseline } from './sale-outcome';
import { SaleProgressPrinter } from './sale-progress';
import { playSale, SaleStepError, type SaleRecordIds } from './sale-scenario';
import { requestShutdown, shutdownSignal, ShutdownRequestedError } from './shutdown';
import { renderSummary } from './summary-table';

const started = Date.now();
const N8N_TAIL_LINES = 12;

function print(line: string): void {
	const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
	process.stdout.write(`[${seconds} s] ${line}\n`);
}

/** Prints n8n's last lines, where a failing node logs its error. */
function printN8nOutputTail(current: DemoEnvironment): void {
	const lines = current.n8n.recentServerOutput().split('\n').slice(-N8N_TAIL_LINES);
	process.stdout.write(
		`--- last ${lines.length} lines of n8n output ---\n${lines.join('\n')}\n---\n`,
	);
}

let environment: DemoEnvironment | undefined;
/** Exit code for the signal that stopped the demo: 130 for SIGINT, 143 for SIGTERM. */
let signalExitCode: number | undefined;
/** Whether the demo waits for Ctrl-C after the sale, so a signal ends it normally. */
let keepingRunning = false;

async function stopEverything(): Promise<void> {
	const current = environment;
	environment = undefined;
	await current?.stop();
	await stopAllProcesses();
}

/**
 * Requests a shutdown on the first signal, so running commands stop, waits end and the demo's
 * cleanups run as for any failure. Kills the child processes at once on a second signal.
 */
function onSignal(signal: NodeJS.Signals): void {
	if (signalExitCode !== undefined) {
		killAllProcessesNow();
		process.exit(signalExitCode);
	}
	signalExitCode = signal === 'SIGINT' ? 130 : 143;
	print(`${signal}: stopping n8n and the simulator (again to kill them at once)`);
	requestShutdown();
}

/**
 * Keeps n8n and the simulator running until Ctrl-C, printing how to reach them. Returns false
 * when n8n exited on its own first.
 */
async function keepRunning(current: DemoEnvironment): Promise<boolean> {
	// A signal that arrived during the sale still ends the demo with the signal's exit code.
	keepingRunning = !shutdownSignal.aborted;
	print('keeping n8n and the simulator running, press Ctrl-C to stop them');
	for (const line of describeRunningEnvironment(current)) print(`  ${line}`);

	const end = await keepRunningUntilShutdown(current);
	if (end === 'n8n exited') {
		print('n8n exited on its own, its last lines follow');
		printN8nOutputTail(current);
		return false;
	}
	return true;
}

async function main(options: DemoOptions): Promise<number> {
	process.on('SIGINT', onSignal);
	process.on('SIGTERM', onSignal);

	print('setup: Node 24 and n8n 2.41.1 from the cache, the packed package, the simulator');
	environment = await startDemoEnvironment({
		report: (line) => print(`setup    ${line}`),
		onN8nLine: options.verbose ? (line) => print(`n8n      ${line}`) : undefined,
		onSimulatorLine: options.verbose ? (line) => print(`sim      ${line}`) : undefined,
	});
	const until = options.keep ? 'until Ctrl-C' : 'until the sale ends (add --keep to keep it)';
	print(`setup: done, n8n editor at ${environment.n8n.baseUrl} ${until}`);

	let allPassed = true;
	for (const scenario of options.scenarios) {
		print(`scenario ${scenario}`);
		const baseline = await takeBaseline(environment);
		const printer = new SaleProgressPrinter(environment.simulator, print);
		printer.start();
		let ids: SaleRecordIds;
		let stepError: SaleStepError | undefined;
		try {
			ids = await playSale(environment, scenario, baseline, (line) => {
				printer.printNews();
				print(line);
			});
		} catch (error) {
			if (!(error instanceof SaleStepError)) throw error;
			stepError = error;
			ids = error.ids;
		} finally {
			printer.stop();
		}
		if (stepError) {
			print(`scenario ${scenario} failed: ${stepError.message}`);
			printN8nOutputTail(environment);
		}
		const outcome = await collectSaleOutcome(environment, ids, baseline, stepError !== undefined);

		process.stdout.write(`\nSummary of scenario ${scenario}\n`);
		for (const line of renderSummary(outcome)) process.stdout.write(line ? `  ${line}\n` : '\n');
		process.stdout.write(
			`\n${outcome.passed ? 'PASSED' : 'FAILED'}: scenario ${scenario} ${
				outcome.passed ? 'completed' : 'did not complete'
			}\n\n`,
		);
		allPassed &&= outcome.passed && stepError === undefined;
	}

	if (options.keep && !(await keepRunning(environment))) allPassed = false;
	return allPassed ? 0 : 1;
}

/**
 * Returns the options to run with, or exits before anything starts: 0 after printing the usage
 * for --help, 2 after printing the error and the usage for an invalid argument.
 */
function readOptionsOrExit(argv: string[]): DemoOptions {
	try {
		const command = parseDemoArguments(argv);
		if (command.kind === 'run') return command.options;
		process.stdout.write(demoUsage());
		process.exit(0);
	} catch (error) {
		if (!(error instanceof DemoUsageError)) throw error;
		process.stderr.write(`${error.message}\n\n${demoUsage()}`);
		process.exit(2);
	}
}

main(readOptionsOrExit(process.argv.slice(2)))
	.catch((error: Error) => {
		if (error instanceof ShutdownRequestedError) return 1;
		print(`demo failed: ${error.message}`);
		if (environment) printN8nOutputTail(environment);
		return 1;
	})
	.then(async (exitCode) => {
		print('stopping n8n and the simulator');
		await stopEverything();
		print('stopped n8n, the simulator and every other process the demo started');
		// A signal while --keep waits is the expected way to end, so the scenarios set the code.
		const finalCode = keepingRunning ? exitCode : (signalExitCode ?? exitCode);
		print(`done in ${((Date.now() - started) / 1000).toFixed(1)} s, exit code ${finalCode}`);
		process.exit(finalCode);
	})
	.catch((error: Error) => {
		process.stderr.write(`demo cleanup failed: ${error.message}\n`);
		process.exit(1);
	});
