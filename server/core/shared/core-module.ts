import type { WriteFence } from '../cluster/ports';
import type { AnyBusEvent } from '../events';
import type { Clock, EventBus, Logger, Metrics, Store } from '../ports';
import type { Ticker } from './ticker';

/** The ports every capability is built from. */
export interface CoreDeps {
  store: Store;
  bus: EventBus;
  clock: Clock;
  metrics: Metrics;
  log: Logger;
  /** Refuses the writes of a cluster loop whose lease term is over (a paused former leader). */
  fence: WriteFence;
}

/**
 * What a capability registers with the composition root: its background loops and what it does
 * with the events of every replica. The root starts, stops and feeds them, and knows nothing else
 * of the capability's insides.
 */
export interface CoreModule {
  readonly name: string;
  readonly loops: readonly Ticker[];
  onEvent?(e: AnyBusEvent): void;
  start?(): void;
  stop?(): void;
}
