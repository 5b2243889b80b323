import type { BreakerTransition } from './circuit-breaker';

/** What circuit breakers need of storage. The adapters implement these; the core depends on nothing else. */

export interface BreakerStore {
  record(transition: BreakerTransition): Promise<void>;
  /** Transitions of these breakers, newest first. */
  history(keys: string[], limit: number): Promise<BreakerTransition[]>;
}
