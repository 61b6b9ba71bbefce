import { startSimulator } from './index';

// Runs the simulator as a process: `node build/simulator/cli.js --port 0 --api-key KEY`.
// Prints `Automa.Net simulator listening on <url>`, then one line per request, and stops on
// SIGINT or SIGTERM.

interface CliOptions {
	port: number;
	apiKey?: string;
	seed: boolean;
	retryDelaysMs?: number[];
}

const USAGE =
	'usage: node build/simulator/cli.js [--port N] [--api-key KEY] [--no-seed] [--retry-delays-ms 100,500,2000]';

function parseArguments(argv: string[]): CliOptions {
	const options: CliOptions = { port: 0, seed: true };
	for (let index = 0; index < argv.length; index++) {
		const name = argv[index];
		const value = argv[index + 1];
		if (name === '--no-seed') {
			options.seed = false;
			continue;
		}
		if (value === undefined) throw new Error(`missing value after ${name}\n${USAGE}`);
		index += 1;
		if (name === '--port') {
			options.port = Number(value);
			if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
				throw new Error(`invalid --port ${value}: expected an integer from 0 to 65535`);
			}
		} else if (name === '--api-key') {
			options.apiKey = value;
		} else if (name === '--retry-delays-ms') {
			options.retryDelaysMs = value === '' ? [] : value.split(',').map(Number);
			if (options.retryDelaysMs.some((delay) => !Number.isInteger(delay) || delay < 0)) {
				throw new Error(
					`invalid --retry-delays-ms ${value}: expected comma-separated milliseconds`,
				);
			}
		} else {
			throw new Error(`unknown option ${name}\n${USAGE}`);
		}
	}
	return options;
}

async function main(): Promise<void> {
	const options = parseArguments(process.argv.slice(2));
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

main().catch((error: unknown) => {
	console.error(`simulator failed to start: ${(error as Error).message}`);
	process.exit(1);
});
