import { invalid } from '../errors';
import type { Metrics } from '../ports';
import type { TaskStore } from './ports';

const MAX_PROBLEMS_NAMED = 5;

/**
 * Every `dependsOn` entry must name an existing task that can still succeed. Only existing ids
 * are accepted, so dependencies never form a cycle. Errors name the field, e.g. `tasks.2.dependsOn.0`.
 */
export async function checkDependencies(
  store: TaskStore,
  specs: readonly { dependsOn: readonly string[] }[],
  batch: boolean,
): Promise<void> {
  const ids = [...new Set(specs.flatMap((s) => s.dependsOn))];
  if (!ids.length) return;
  const statuses = await store.statuses(ids);
  const problems: string[] = [];
  specs.forEach((spec, i) =>
    spec.dependsOn.forEach((id, j) => {
      const path = `${batch ? `tasks.${i}.` : ''}dependsOn.${j}`;
      const status = statuses.get(id);
      if (!status) problems.push(`${path}: task ${id} not found`);
      else if (status === 'failed' || status === 'dead-lettered' || status === 'cancelled')
        problems.push(`${path}: task ${id} is ${status}, so this task could never run`);
    }),
  );
  if (problems.length) throw invalid(problems.slice(0, MAX_PROBLEMS_NAMED).join('; '), { problems: problems.length });
}

/**
 * The recovery sweep for dependencies: settles blocked tasks whose dependencies all finished
 * (normally done by the write that finished them; this catches one cut short by a crash).
 */
export async function settleBlockedTasks(
  store: TaskStore,
  metrics: Metrics,
  onQueued: () => void,
): Promise<{ released: number; cancelled: number }> {
  const { released, cancelled } = await store.settleBlocked();
  for (let i = 0; i < cancelled.length; i++) metrics.finished('cancelled');
  if (released.length) onQueued();
  return { released: released.length, cancelled: cancelled.length };
}
