import type { Agent, Assignment, AssignmentDecision, Task } from '../model';
import type { EventBus, Logger, Metrics, PlannedAssignment, Store } from '../ports';
import type { RoutingStrategy } from '../balancing/strategy';
import { newId, newLeaseToken } from '../shared/ids';
import { partitionCandidates } from './match';

/**
 * A decision record keeps the best candidates and the first excluded agents in full; with
 * hundreds of agents, recording every one would write O(agents) per task.
 */
export const MAX_CANDIDATES_RECORDED = 25;
export const MAX_EXCLUDED_RECORDED = 25;

export interface DispatchResult {
  considered: number;
  assigned: number;
  /** The pass read as many tasks as it may and placed some: more are likely waiting. */
  more: boolean;
}

/** Lets the dispatcher give an assignment directly to a poll waiting on this replica. */
export interface Handoff {
  claim(agentId: string): ((assignment: Assignment | null) => void) | null;
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
    private readonly handoff: Handoff | null = null,
    private readonly batchSize = 500,
  ) {}

  get strategyName(): string {
    return this.strategy.name;
  }

  async dispatchOnce(): Promise<DispatchResult> {
    const roster = await this.store.agents.live();
    const available = roster.filter((a) => (a.status === 'idle' || a.status === 'busy') && a.activeTasks < a.maxConcurrency);
    if (!available.length) return { considered: 0, assigned: 0, more: false };
    const free = available.reduce((n, a) => n + a.maxConcurrency - a.activeTasks, 0);
    // Only tasks some free agent can take, so a head of unplaceable tasks never blocks the rest.
    const limit = Math.min(this.batchSize, free * 2 + 20);
    const tasks = await this.store.tasks.queued(limit, capabilitySets(available));
    if (!tasks.length) return { considered: 0, assigned: 0, more: false };
    const plans: PlannedAssignment[] = [];
    const handoffs = new Map<string, (a: Assignment | null) => void>();
    for (const task of tasks) {
      const plan = this.decide(task, roster);
      if (!plan) continue;
      const give = this.handoff?.claim(plan.agentId);
      if (give) handoffs.set(task.id, give);
      plans.push({ ...plan, delivered: !!give });
    }
    if (!plans.length) return { considered: tasks.length, assigned: 0, more: false };
    let applied: Awaited<ReturnType<Store['tasks']['assign']>> = [];
    try {
      applied = await this.store.tasks.assign(plans);
    } finally {
      this.settleHandoffs(handoffs, applied, plans, tasks);
    }
    const byTask = new Map(plans.map((p) => [p.taskId, p]));
    for (const a of applied) {
      this.metrics.dispatch(a.waitedMs, a.priority);
      const plan = byTask.get(a.taskId)!;
      await this.bus.publish('task:assigned', { taskId: a.taskId, agentId: a.agentId, attempt: a.attempt, decisionId: plan.decision.id, delivered: plan.delivered });
    }
    if (applied.length < plans.length) this.log.debug({ planned: plans.length, applied: applied.length }, 'some tasks changed while dispatching');
    return { considered: tasks.length, assigned: applied.length, more: tasks.length === limit && applied.length > 0 };
  }

  /** Chooses an agent for one task and counts the assignment against its capacity. */
  private decide(task: Task, roster: Agent[]): Omit<PlannedAssignment, 'delivered'> | null {
    const started = performance.now();
    const { eligible, excluded } = partitionCandidates(task, roster);
    if (!eligible.length) return null;
    const ranked = this.strategy.rank(task, eligible);
    const agent = roster.find((a) => a.id === ranked[0].agentId) as Agent;
    agent.activeTasks++;
    this.strategy.assigned?.(agent.id);
    const durationUs = Math.round((performance.now() - started) * 1000);
    this.metrics.decision(durationUs);
    const decision: AssignmentDecision = {
      id: newId('dec'), taskId: task.id, attempt: task.attempt + 1, strategy: this.strategy.name,
      winnerAgentId: agent.id, winnerAgentName: agent.name,
      candidates: ranked.slice(0, MAX_CANDIDATES_RECORDED), candidateCount: ranked.length,
      excluded: summariseExcluded(excluded), excludedCount: excluded.length,
      decidedAt: Date.now(), durationUs,
    };
    return { taskId: task.id, agentId: agent.id, leaseToken: newLeaseToken(), decision };
  }

  /** Every claimed poll gets its assignment, or null when the write did not apply. */
  private settleHandoffs(handoffs: Map<string, (a: Assignment | null) => void>, applied: { taskId: string; attempt: number }[], plans: PlannedAssignment[], tasks: Task[]): void {
    if (!handoffs.size) return;
    const appliedAttempt = new Map(applied.map((a) => [a.taskId, a.attempt]));
    const taskById = new Map(tasks.map((t) => [t.id, t]));
    for (const plan of plans) {
      const give = handoffs.get(plan.taskId);
      if (!give) continue;
      const attempt = appliedAttempt.get(plan.taskId);
      const t = taskById.get(plan.taskId)!;
      give(attempt === undefined ? null : {
        taskId: t.id, attempt, leaseToken: plan.leaseToken, title: t.title, payload: t.payload, capabilities: t.capabilities,
        priority: t.priority, contextKey: t.contextKey, timeoutMs: t.timeoutMs,
      });
    }
  }
}

/** Distinct capability sets of the given agents; past a bound the filter is dropped (undefined). */
const MAX_FIT_SETS = 64;
function capabilitySets(agents: Agent[]): string[][] | undefined {
  const sets = new Map<string, string[]>();
  for (const a of agents) {
    const caps = a.capabilities.map((c) => c.name).sort();
    sets.set(caps.join('\u0000'), caps);
    if (sets.size > MAX_FIT_SETS) return undefined;
  }
  return [...sets.values()];
}

/** The first excluded agents by name, then one line per reason for the rest. */
export function summariseExcluded(excluded: AssignmentDecision['excluded']): AssignmentDecision['excluded'] {
  if (excluded.length <= MAX_EXCLUDED_RECORDED) return excluded;
  const kept = excluded.slice(0, MAX_EXCLUDED_RECORDED);
  const rest = new Map<string, number>();
  for (const e of excluded.slice(MAX_EXCLUDED_RECORDED)) rest.set(e.reason, (rest.get(e.reason) ?? 0) + 1);
  for (const [reason, n] of rest) kept.push({ agentId: '', agentName: `${n} more agent${n === 1 ? '' : 's'}`, reason });
  return kept;
}
