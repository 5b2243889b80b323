import type { Metrics, Store } from '../ports';
import { countOutcome } from '../tasks/count-outcome';

/** Most tasks one sweep settles; a larger backlog is taken on the next tick. */
const BATCH = 500;

/**
 * The lease clock's loop body: lapsed leases and timeouts are settled in the store (database
 * time), each with its event; tasks whose backoff ended go back to the queue. Runs every second.
 */
export class LeaseSweep {
  constructor(
    private readonly store: Store,
    private readonly metrics: Metrics,
    private readonly onQueued: () => void,
  ) {}

  async sweep(): Promise<{ expired: number; released: number }> {
    const expired = await this.store.tasks.expireLeases(BATCH);
    for (const e of expired) countOutcome(this.metrics, e);
    const released = await this.store.tasks.releaseRetries(BATCH);
    if (released.length || expired.some((e) => e.status === 'queued')) this.onQueued();
    return { expired: expired.length, released: released.length };
  }
}
