import type { Agent, AssignmentDecision } from '../model';
import type { EventBus, Logger, Metrics, PlannedAssignment, Store } from '../ports';
import type { RoutingStrategy } from '../balancing/strategy';
import { newId, newLeaseToken } from '../shared/ids';
import { partitionCandidates } from './match';

/** Excluded agents kept per decision record; the count beyond is summarised. */
const MAX_EXCLUDED_RECORDED = 100;

export interface DispatchResult {
  considered: number;
  assigned: number;
}

/**
 * One dispatch pass: the queue head in priority order, each task matched against the
 * live roster and handed to the strategy's winner. Writes are batched per pass.
 */
export class Dispatcher {
  constructor(
    private readonly store: Store,
    private readonly bus: EventBus,
    private readonly metrics: Metrics,
    private readonly log: Logger,
    private strategy: RoutingStrategy,
    private readonly batchSize = 500,
  ) {}

  get strategyName(): string {
    return this.strategy.name;
  }

  async dispatchOnce(): Promise<DispatchResult> {
    const tasks = await this.store.tasks.queued(this.batchSize);
    if (!tasks.length) return { considered: 0, assigned: 0 };
    const roster = await this.store.agents.live();
    const plans: PlannedAssignment[] = [];
    for (const task of tasks) {
      const started = performance.now();
      const { eligible, excluded } = partitionCandidates(task, roster);
      if (!eligible.length) continue;
      const ranked = this.strategy.rank(task, eligible);
      const winner = ranked[0];
      const agent = roster.find((a) => a.id === winner.agentId) as Agent;
      agent.activeTasks++;
      this.strategy.assigned?.(agent.id);
      const durationUs = Math.round((performance.now() - started) * 1000);
      this.metrics.decision(durationUs);
      const decision: AssignmentDecision = {
        id: newId('dec'),
        taskId: task.id,
        attempt: task.attempt + 1,
        strategy: this.strategy.name,
        winnerAgentId: agent.id,
        winnerAgentName: agent.name,
        candidates: ranked,
        excluded: summariseExcluded(excluded),
        decidedAt: Date.now(),
        durationUs,
      };
      plans.push({ taskId: task.id, agentId: agent.id, leaseToken: newLeaseToken(), decision });
    }
    if (!plans.length) return { considered: tasks.length, assigned: 0 };
    const applied = await this.store.tasks.assign(plans);
    const byTask = new Map(plans.map((p) => [p.taskId, p]));
    for (const a of applied) {
      this.metrics.dispatch(a.waitedMs, a.priority);
      await this.bus.publish('task:assigned', { taskId: a.taskId, agentId: a.agentId, attempt: a.attempt, decisionId: byTask.get(a.taskId)!.decision.id });
    }
    if (applied.length < plans.length) this.log.debug({ planned: plans.length, applied: applied.length }, 'some tasks changed while dispatching');
    return { considered: tasks.length, assigned: applied.length };
  }
}

function summariseExcluded(excluded: AssignmentDecision['excluded']): AssignmentDecision['excluded'] {
  if (excluded.length <= MAX_EXCLUDED_RECORDED) return excluded;
  const kept = excluded.slice(0, MAX_EXCLUDED_RECORDED);
  kept.push({ agentId: '', agentName: `…and ${excluded.length - MAX_EXCLUDED_RECORDED} more`, reason: 'not recorded' });
  return kept;
}
