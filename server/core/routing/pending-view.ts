import type { Task, TaskSummary } from '../model';
import type { Store } from '../ports';
import type { Dispatcher } from '../scheduler/dispatcher';
import type { PendingReason } from '../scheduler/pending-reasons';

/** Why each queued task among `tasks` is not running, by task id (other tasks are left out). */
export async function explainTasks(store: Store, dispatcher: Dispatcher, tasks: (Task | TaskSummary)[]): Promise<Record<string, PendingReason>> {
  // Explanations read neither the payload nor the result, which summaries leave out.
  const waiting = tasks.filter((t) => t.status === 'queued' || t.status === 'blocked').map((t): Task => ({ payload: null, result: null, ...t }));
  if (!waiting.length) return {};
  const ids = waiting.map((t) => t.id);
  const [blockedBy, concurrency] = await Promise.all([store.tasks.blockers(ids), store.tasks.concurrencyUsage(ids)]);
  return Object.fromEntries(await dispatcher.explainPending(waiting, { blockedBy, concurrency }));
}
