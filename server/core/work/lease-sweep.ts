import type { EventBus, Metrics, Store } from '../ports';
import { announceOutcome } from '../tasks/announce-outcome';

/** Most tasks one sweep settles; a larger backlog is taken on the next tick. */
const BATCH = 500;

/**
 * The lease clock's loop body: lapsed leases and timeouts are settled in the store (database
 * time) and announced; tasks whose backoff ended go back to the queue. Runs every second.
 */
export class LeaseSweep {
  constructor(
    private readonly store: Store,
    private readonly bus: EventBus,
    private readonly metrics: Metrics,
    private readonly onQueued: () => void,
  ) {}

  async sweep(): Promise<{ expired: number; released: number }> {
    const expired = await this.store.tasks.expireLeases(BATCH);
    for (const e of expired) {
      await announceOutcome(this.bus, this.metrics, {
        taskId: e.taskId,
        agentId: e.agentId,
        attempt: e.attempt,
        status: e.status,
        reason: e.reason,
        retryAt: e.retryAt,
      });
    }
    const released = await this.store.tasks.releaseRetries(BATCH);
    if (released.length) await this.bus.publish('task:released', { taskIds: released, reason: 'backoff over' });
    if (released.length || expired.some((e) => e.status === 'queued')) this.onQueued();
    return { expired: expired.length, released: released.length };
  }
}
