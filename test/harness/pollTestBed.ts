import { startSimulator } from '../../simulator';
import type { Simulator } from '../../simulator';
import type { RecordedRequest } from '../../simulator/models';
import { SteppingClock } from './pollClock';
import { PollTriggerHarness } from './pollTrigger';
import type { PollTriggerHarnessOptions } from './pollTrigger';

/** Where the test clock starts: after every fixture RFQ, so new records sort after them. */
export const TEST_CLOCK_START = '2026-12-04T10:00:00.000Z';

/** A simulator on a test clock, with hooks that act between two list requests of one poll. */
export class PollTestBed {
	private readonly hooks: Array<{ path: string; remaining: number; action: () => void }> = [];

	private constructor(
		readonly sim: Simulator,
		readonly clock: SteppingClock,
	) {}

	static async start(): Promise<PollTestBed> {
		const clock = new SteppingClock(TEST_CLOCK_START);
		let bed: PollTestBed | undefined;
		const sim = await startSimulator({ now: clock.now, log: (line) => bed?.onLogLine(line) });
		bed = new PollTestBed(sim, clock);
		return bed;
	}

	/** A poll trigger for `event`, with the simulator's credential. */
	trigger(
		event: string,
		options: Omit<PollTriggerHarnessOptions, 'parameters' | 'credentials'> = {},
	): PollTriggerHarness {
		return new PollTriggerHarness({
			parameters: { event },
			credentials: { apiKey: this.sim.apiKey, baseUrl: this.sim.url },
			...options,
		});
	}

	/**
	 * Runs `action` once, right after the simulator has responded to the `count`-th GET of `path`
	 * (counted from now) and before the client can send its next request.
	 */
	afterListRequest(path: string, count: number, action: () => void): void {
		this.hooks.push({ path, remaining: count, action });
	}

	/** Returns the GET requests of a list path so far, oldest first. */
	listRequests(path: string): RecordedRequest[] {
		return this.sim
			.state()
			.requests.filter((request) => request.method === 'GET' && request.path === path);
	}

	async stop(): Promise<void> {
		await this.sim.stop();
	}

	private onLogLine(line: string): void {
		// The simulator logs `<method> <pathname> <status> <ms>ms` once it has sent the response.
		const [method, pathname] = line.split(' ');
		if (method !== 'GET') return;
		for (const hook of [...this.hooks]) {
			if (pathname !== new URL(this.sim.url).pathname + hook.path) continue;
			hook.remaining -= 1;
			if (hook.remaining === 0) {
				this.hooks.splice(this.hooks.indexOf(hook), 1);
				hook.action();
			}
		}
	}
}
