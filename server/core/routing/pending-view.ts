import type { Task, TaskSummary } from '../model';
import type { Store } from '../ports';
import type { Pool } from '../pools/pool-model';
import type { Dispatcher } from '../scheduler/dispatcher';
import { withHeldPools, type PendingCode, type PendingReason } from '../scheduler/pending-reasons';

/** Waits a pool could end by starting or waking agents, if it were not holding back. */
const POOL_COULD_HELP = new Set<PendingCode>(['no-capable-agent', 'agents-unavailable', 'all-busy']);

/** Why each queued task among `tasks` is not running, by task id (other tasks are left out). */
export async function explainTasks(
  store: Store,
  dispatcher: Dispatcher,
  tasks: (Task | TaskSummary)[],
  now: number,
): Promise<Record<string, PendingReason>> {
  // Explanations read neither the payload nor the result, which summaries leave out.
  const waiting = tasks
    .filter((t) => t.status === 'queued' || t.status === 'blocked')
    .map((t): Task => ({ payload: null, result: null, ...t }));
  if (!waiting.length) return {};
  const ids = waiting.map((t) => t.id);
  const [blockedBy, concurrency] = await Promise.all([store.tasks.blockers(ids), store.tasks.concurrencyUsage(ids)]);
  const reasons = await dispatcher.explainPending(waiting, { blockedBy, concurrency });
  const starved = waiting.filter((t) => t.status === 'queued' && POOL_COULD_HELP.has(reasons.get(t.id)!.code));
  if (starved.length) {
    const held = (await store.pools.list()).filter((p) => holdsBacklog(p, now));
    for (const t of starved) {
      const pools = held.filter((p) => t.capabilities.every((c) => p.capabilities.includes(c)));
      reasons.set(
        t.id,
        withHeldPools(
          reasons.get(t.id)!,
          pools.map((p) => ({ name: p.name, message: p.hold!.message })),
        ),
      );
    }
  }
  return Object.fromEntries(reasons);
}

/** Holds that keep queued work waiting (a scale-down cool-down keeps agents, it starves nothing). */
function holdsBacklog(p: Pool, now: number): boolean {
  return !!p.hold && p.hold.kind !== 'scale-down-cooldown' && (p.hold.until ?? Infinity) > now;
}
