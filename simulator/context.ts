import type { Clock } from './clock';
import type { EventPublisher } from './events';
import type { Store } from './store';

/** The data, clock and event publisher that the simulator's operations act on. */
export interface SimulatorContext {
	store: Store;
	clock: Clock;
	events: EventPublisher;
}
