import type { Logger, Store } from '../ports';
import type { AgentRegistry } from '../registry/agent-registry';

export interface HeartbeatPolicy {
  /** How often agents are expected to heartbeat (told to agents; the sweep runs every second). */
  intervalMs: number;
  unhealthyAfterMs: number;
  offlineAfterMs: number;
}

export const DEFAULT_HEARTBEAT_POLICY: HeartbeatPolicy = {
  intervalMs: 5_000,
  unhealthyAfterMs: 15_000,
  offlineAfterMs: 30_000,
};

/** Marks silent agents unhealthy, then offline; an offline agent's work goes back to the queue. */
export class HeartbeatSweep {
  constructor(
    private readonly store: Store,
    private readonly registry: AgentRegistry,
    private readonly policy: HeartbeatPolicy,
    private readonly log: Logger,
  ) {}

  async sweep(): Promise<{ changed: number; requeued: number }> {
    // The store words each change's reason ("no heartbeat for 30 s") and the database logs it.
    const changed = await this.store.agents.sweepSilent(this.policy.unhealthyAfterMs, this.policy.offlineAfterMs);
    let requeued = 0;
    for (const c of changed)
      if (c.status === 'offline') requeued += await this.registry.requeueWork(c.id, 'agent offline');
    if (changed.length) this.log.info({ changed: changed.length, requeued }, 'heartbeat sweep');
    return { changed: changed.length, requeued };
  }
}
