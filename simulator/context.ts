import type { Clock } from './clock';
import type { EventPublisher } from './events';
import type { Store } from './store';

/** What the simulator's operations act on: the data, the clock and the event publisher. */
export interface SimulatorContext {
	store: Store;
	clock: Clock;
	events: EventPublisher;
}
