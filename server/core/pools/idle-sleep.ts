import { systemContext } from '../access/request-context';
import type { Logger, Store } from '../ports';
import type { AgentLifecycle } from '../registry/agent-lifecycle';
import type { IdleClock } from './idle-clock';

/**
 * Unmanaged agents (not in a pool) idle past `idleSleepMs` go to sleep; a sleeping one wakes when
 * queued work it could run appears. Pools do the same for their own agents in the autoscaler.
 */
export async function sleepIdleAgents(
  store: Store,
  lifecycle: AgentLifecycle,
  idle: IdleClock,
  idleSleepMs: number,
  now: number,
  log: Logger,
): Promise<void> {
  const agents = (await store.agents.live()).filter((a) => !a.poolId);
  for (const a of agents) {
    if (a.status === 'idle' && a.activeTasks === 0 && idle.idleForMs(a, now) >= idleSleepMs) {
      await lifecycle.sleep(systemContext('idle-sleep', log, 'idle timeout'), a.id).catch(() => {});
    } else if (a.status === 'sleeping' && (await store.pools.backlog(a.capabilities.map((c) => c.name))) > 0) {
      await lifecycle.wake(systemContext('idle-wake', log, 'queued-work watcher'), a.id).catch(() => {});
    }
  }
}
