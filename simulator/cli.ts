import { DEFAULT_API_KEY, DEFAULT_DELIVERY_RETRY_DELAYS_MS, startSimulator } from './index';

// Runs the simulator as a process: `node build/simulator/cli.js --port 0 --api-key KEY`.
// Prints `Automa.Net simulator listening on <url>`, then one line per request, and stops on
// SIGINT or SIGTERM. `--help` prints the usage and exits 0, and an invalid command line exits 2.

interface CliOptions {
	port: number;
	apiKey?: string;
	seed: boolean;
	retryDelaysMs?: number[];
}

/** The parsed command line: run the simulator with options, or print the usage. */
type CliRequest = { help: true } | { help: false; options: CliOptions };

const DEFAULT_RETRY_DELAYS = DEFAULT_DELIVERY_RETRY_DELAYS_MS.join(',');

const USAGE = `Usage: node build/simulator/cli.js [options]

Runs the Automa.Net simulator on 127.0.0.1 until SIGINT or SIGTERM.

Options:
  --port N                TCP port to listen on, 0 for a free one (default 0)
  --api-key KEY           API key that clients send as a Bearer token (default ${DEFAULT_API_KEY})
  --no-seed               start without the fixture RFQs
  --retry-delays-ms LIST  comma-separated delays before each webhook delivery retry, in
                          milliseconds, or '' for no retries (default ${DEFAULT_RETRY_DELAYS})
  --help                  print this help and exit`;

/** An invalid command line: the CLI prints the message and the usage, and exits with code 2. */
class UsageError extends Error {}

function parseArguments(argv: string[]): CliRequest {
	if (argv.includes('--help')) return { help: true };

	const options: CliOptions = { port: 0, seed: true };
	for (let index = 0; index < argv.length; index++) {
		const name = argv[index];
		if (name === '--no-seed') {
			options.seed = false;
			continue;
		}
		if (name !== '--port' && name !== '--api-key' && name !== '--retry-delays-ms') {
			throw new UsageError(`unknown option ${name}`);
		}

		const value = argv[index + 1];
		if (value === undefined) throw new UsageError(`missing value after ${name}`);
		index += 1;
		if (name === '--port') {
			options.port = Number(value);
			if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
				throw new UsageError(`invalid --port ${value}: expected an integer from 0 to 65535`);
			}
		} else if (name === '--api-key') {
			options.apiKey = value;
		} else {
			options.retryDelaysMs = value === '' ? [] : value.split(',').map(Number);
			if (options.retryDelaysMs.some((delay) => !Number.isInteger(delay) || delay < 0)) {
				throw new UsageError(
					`invalid --retry-delays-ms ${value}: expected comma-separated milliseconds`,
				);
			}
		}
	}
	return { help: false, options };
}

async function runSimulator(options: CliOptions): Promise<void> {
	const simulator = await startSimulator({
		port: options.port,
		apiKey: options.apiKey,
		seed: options.seed,
		deliveryRetryDelaysMs: options.retryDelaysMs,
		log: (line) => console.log(line),
	});
	console.log(`Automa.Net simulator listening on ${simulator.url}`);

	const shutdown = (signal: string): void => {
		console.log(`received ${signal}, stopping`);
		void simulator.stop().then(() => process.exit(0));
	};
	process.once('SIGINT', () => shutdown('SIGINT'));
	process.once('SIGTERM', () => shutdown('SIGTERM'));
}

function main(): void {
	let request: CliRequest;
	try {
		request = parseArguments(process.argv.slice(2));
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		console.error(`${error.message}\n\n${USAGE}`);
		process.exitCode = 2;
		return;
	}
	if (request.help) {
		console.log(USAGE);
		return;
	}

	runSimulator(request.options).catch((error: unknown) => {
		console.error(`simulator failed to start: ${(error as Error).message}`);
		process.exit(1);
	});
}

main();
