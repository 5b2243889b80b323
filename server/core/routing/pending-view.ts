import type { Task } from '../model';
import type { Store } from '../ports';
import type { Dispatcher } from '../scheduler/dispatcher';
import type { PendingReason } from '../scheduler/pending-reasons';

/** Why each queued task among `tasks` is not running, by task id (other tasks are left out). */
export async function explainTasks(store: Store, dispatcher: Dispatcher, tasks: Task[]): Promise<Record<string, PendingReason>> {
  const waiting = tasks.filter((t) => t.status === 'queued' || t.status === 'blocked');
  if (!waiting.length) return {};
  const ids = waiting.map((t) => t.id);
  const [blockedBy, concurrency] = await Promise.all([store.tasks.blockers(ids), store.tasks.concurrencyUsage(ids)]);
  return Object.fromEntries(await dispatcher.explainPending(waiting, { blockedBy, concurrency }));
}
