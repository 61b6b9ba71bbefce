/**
 * A simulator clock that tests control. It starts at a fixed time and moves forward one
 * millisecond per reading, like the simulator's default clock. After `freeze()` every reading
 * returns the same time, so records created then share one timestamp.
 */
export class SteppingClock {
	private currentMs: number;

	private frozen = false;

	constructor(startIso: string) {
		this.currentMs = Date.parse(startIso);
	}

	/** Reads the clock; pass it to startSimulator as `now`. */
	readonly now = (): Date => {
		if (!this.frozen) this.currentMs += 1;
		return new Date(this.currentMs);
	};

	/** Stops the clock and returns the ISO time every reading returns until `resume()`. */
	freeze(): string {
		this.frozen = true;
		this.currentMs += 1;
		return new Date(this.currentMs).toISOString();
	}

	resume(): void {
		this.frozen = false;
	}
}
