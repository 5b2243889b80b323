import { actorRef } from '../access/actor';
import type { RequestContext } from '../access/request-context';
import { TERMINAL_TASK_STATES, type TaskState } from '../model';
import type { Logger, Metrics, Store } from '../ports';
import { SetPriorityManyInput, TaskIdsInput } from './bulk-input';
import { bulkOutcome, type BulkAction, type BulkTaskOutcome, type SkipReason } from './bulk-outcome';

/** Ids named in a log line: enough to find the batch, not 500 of them. */
const LOGGED_IDS = 20;

/**
 * Operator actions on many tasks at once (a dashboard selection, or a script): each is one
 * statement, so it applies to every task it can or to none, and the answer says for every id
 * whether it was applied and, if not, why.
 */
export class BulkTaskActions {
  constructor(
    private readonly store: Store,
    private readonly metrics: Metrics,
    private readonly log: Logger,
    private readonly onQueued: () => void,
  ) {}

  async cancelMany(req: RequestContext, raw: TaskIdsInput): Promise<BulkTaskOutcome> {
    const { ids } = TaskIdsInput.parse(raw);
    const { cancelled, dependentsCancelled } = await this.store.tasks.cancelMany(ids);
    for (let i = 0; i < cancelled.length + dependentsCancelled.length; i++) this.metrics.finished('cancelled');
    // A cancelled assignment frees its agent's slot.
    if (cancelled.some((c) => c.agentId)) this.onQueued();
    const outcome = await this.outcome('cancel', ids, new Set(cancelled.map((c) => c.id)), () => 'finished');
    await this.logged(req, outcome, ids, { dependentsCancelled: dependentsCancelled.length });
    return outcome;
  }

  async retryMany(req: RequestContext, raw: TaskIdsInput): Promise<BulkTaskOutcome> {
    const { ids } = TaskIdsInput.parse(raw);
    const retried = await this.store.tasks.retryMany(ids);
    if (retried.length) this.onQueued();
    const outcome = await this.outcome('retry', ids, new Set(retried), () => 'not-retryable');
    await this.logged(req, outcome, ids);
    return outcome;
  }

  async setPriorityMany(req: RequestContext, raw: SetPriorityManyInput): Promise<BulkTaskOutcome> {
    const { ids, priority } = SetPriorityManyInput.parse(raw);
    const changed = await this.store.tasks.setPriority(ids, priority);
    if (changed.length) this.onQueued();
    const previous = new Map(changed.map((c) => [c.id, c.previous]));
    const outcome = await this.outcome(
      'set-priority',
      ids,
      new Set(previous.keys()),
      (status) => (TERMINAL_TASK_STATES.includes(status) ? 'finished' : 'same-priority'),
      priority,
    );
    for (const r of outcome.results) if (r.applied) r.previousPriority = previous.get(r.id);
    await this.logged(req, outcome, ids, { priority });
    return outcome;
  }

  /** Every id's result, read after the write: applied ones by the write, the rest by their status now. */
  private async outcome(
    action: BulkAction,
    ids: string[],
    applied: Set<string>,
    why: (status: TaskState) => SkipReason,
    priority?: Parameters<typeof bulkOutcome>[2],
  ): Promise<BulkTaskOutcome> {
    const statuses = await this.store.tasks.statuses(ids);
    return bulkOutcome(
      action,
      ids.map((id) => {
        const status = statuses.get(id) ?? null;
        if (applied.has(id)) return { id, applied: true, status, skipped: null };
        return { id, applied: false, status, skipped: status === null ? 'not-found' : why(status) };
      }),
      priority,
    );
  }

  /** Records the applied ids with who acted, and logs the batch. */
  private async logged(
    req: RequestContext,
    outcome: BulkTaskOutcome,
    ids: string[],
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    const applied = outcome.results.filter((r) => r.applied).map((r) => r.id);
    if (applied.length)
      await this.store.taskActions.record({
        taskIds: applied,
        action: outcome.action,
        actor: actorRef(req.actor),
        detail: extra,
      });
    req.log.info(
      {
        action: outcome.action,
        applied: outcome.applied,
        skipped: outcome.skipped,
        ...extra,
        taskIds: ids.slice(0, LOGGED_IDS),
        more: Math.max(0, ids.length - LOGGED_IDS),
      },
      outcome.summary,
    );
  }
}
