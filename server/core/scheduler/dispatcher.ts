import { NEUTRAL_SIGNALS, type AgentSignals, type RoutingContext, type RoutingStrategy } from '../balancing/strategy';
import type { Agent, Assignment, Task } from '../model';
import type { Logger, Metrics, Store } from '../ports';
import type { PlannedAssignment } from '../tasks/ports';
import { newLeaseToken } from '../shared/ids';
import { decide, MAX_CANDIDATES_RECORDED } from './decide';
import { explainQueue, type PendingReason, type QueueFacts } from './pending-reasons';
import { RosterIndex } from './roster-index';
import { markHolds } from './agent-hold';
import { DEFAULT_CONTEXT_POLICY, type ContextPolicy } from '../context/context-policy';
import { screenPlans, type AssignmentScreen } from './screen-plans';

export { MAX_CANDIDATES_RECORDED, type RecordedDecision } from './decide';
export { MAX_EXCLUDED_RECORDED, summariseExcluded } from './eligibility';

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

/** What routing knows beyond the roster; the AgentSignalsTracker is one. */
export interface SignalsSource {
  signals(agentId: string): AgentSignals;
  /** Ids of the agents holding a context key; without it the roster's signals are searched. */
  holdersOf?(contextKey: string): readonly string[];
}

export interface DispatcherOptions {
  /** Most queued tasks one pass reads (default 500). */
  batchSize?: number;
  signals?: SignalsSource;
  /** Clock for `decidedAt` and strategies: the core's Clock, never the wall clock. */
  now: () => number;
  /** Uniform in [0, 1) for randomised strategies (default Math.random). */
  random?: () => number;
  /** Each pass's roster, as read (breakers learn each agent's runtime from it). */
  onRoster?: (agents: readonly Agent[]) => void;
  /** An assignment was planned for this agent (a half-open breaker lets it probe). */
  onAssigned?: (agentId: string) => void;
  /** Context thresholds past which an agent takes no new work (default 85 % / 95 %). */
  contextPolicy?: ContextPolicy;
  /** Pre-assignment review (hooks, plugins); answers null when nothing reviews, and the pass is unchanged. */
  screen?: AssignmentScreen;
}

const NEUTRAL_SOURCE: SignalsSource = { signals: () => NEUTRAL_SIGNALS };
/** Remembered strategy waits; tasks cancelled while waiting would otherwise stay forever. */
const MAX_WAITS = 10_000;

/**
 * One dispatch pass: the queue head in priority order, each task decided against a roster index
 * built for the pass and handed to the strategy's winner. Writes are batched per pass.
 */
export class Dispatcher {
  private readonly batchSize: number;
  private readonly source: SignalsSource;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly contextPolicy: ContextPolicy;
  private readonly waits = new Map<string, string>();

  constructor(
    private readonly store: Store,
    private readonly metrics: Metrics,
    private readonly log: Logger,
    private strategy: RoutingStrategy,
    private readonly handoff: Handoff | null,
    private readonly options: DispatcherOptions,
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.source = options.signals ?? NEUTRAL_SOURCE;
    this.now = options.now;
    this.random = options.random ?? Math.random;
    this.contextPolicy = options.contextPolicy ?? DEFAULT_CONTEXT_POLICY;
  }

  get strategyName(): string {
    return this.strategy.name;
  }

  get currentStrategy(): RoutingStrategy {
    return this.strategy;
  }

  /** Takes effect from the next pass; a pass in flight finishes with the strategy it started with. */
  setStrategy(strategy: RoutingStrategy): void {
    this.strategy = strategy;
  }

  /** Tasks the strategy chose to leave queued at their last decision, with its reason. */
  get waiting(): ReadonlyMap<string, string> {
    return this.waits;
  }

  /** Why each of these queued tasks (in queue order) is still waiting, against the live roster. */
  async explainPending(
    tasks: readonly Task[],
    facts: Pick<QueueFacts, 'blockedBy' | 'concurrency'> = {},
  ): Promise<Map<string, PendingReason>> {
    const roster = await this.store.agents.live();
    markHolds(roster, this.now(), this.contextPolicy);
    const index = new RosterIndex(roster);
    return explainQueue(tasks, {
      ...facts,
      index,
      signals: (id) => this.source.signals(id),
      waits: this.waits,
      now: this.now(),
    });
  }

  async dispatchOnce(): Promise<DispatchResult> {
    const strategy = this.strategy;
    const roster = await this.store.agents.live();
    markHolds(roster, this.now(), this.contextPolicy);
    this.options.onRoster?.(roster);
    const index = new RosterIndex(roster);
    if (index.freeSlots <= 0) return { considered: 0, assigned: 0, more: false };
    // Only tasks some free agent can take, so a head of unplaceable tasks never blocks the rest.
    const limit = Math.min(this.batchSize, index.freeSlots * 2 + 20);
    const tasks = await this.store.tasks.queued(limit, capabilitySets(index.freeAgents()));
    if (!tasks.length) return { considered: 0, assigned: 0, more: false };
    const ctx = this.routingContext(index);
    let plans: PlannedAssignment[] = [];
    const chosen = new Map<string, Agent>();
    const handoffs = new Map<string, (a: Assignment | null) => void>();
    for (const task of tasks) {
      const outcome = decide(task, index, strategy, ctx);
      this.rememberWait(task.id, outcome.kind === 'wait' ? outcome.reason : null);
      if (outcome.kind !== 'assign') continue;
      const { decision } = outcome;
      chosen.set(task.id, index.agents[outcome.agentIndex]);
      this.metrics.decision(decision.durationUs);
      this.options.onAssigned?.(decision.winnerAgentId);
      const give = this.handoff?.claim(decision.winnerAgentId);
      if (give) handoffs.set(task.id, give);
      plans.push({
        taskId: task.id,
        agentId: decision.winnerAgentId,
        leaseToken: newLeaseToken(),
        decision,
        delivered: !!give,
      });
    }
    if (!plans.length) return { considered: tasks.length, assigned: 0, more: false };
    const planned = plans;
    let applied: Awaited<ReturnType<Store['tasks']['assign']>> = [];
    let held = 0;
    try {
      if (this.options.screen) {
        plans = await screenPlans(this.options.screen, plans, tasks, chosen);
        held = planned.length - plans.length;
      }
      if (plans.length) applied = await this.store.tasks.assign(plans);
    } finally {
      this.settleHandoffs(handoffs, applied, planned, tasks);
    }
    // Each assignment's `task:assigned` event is written by the database with it.
    for (const a of applied) this.metrics.dispatch(a.waitedMs, a.priority);
    if (applied.length < plans.length)
      this.log.debug({ planned: plans.length, applied: applied.length }, 'some tasks changed while dispatching');
    // A held task took a slot in this pass that another task may use: look again soon.
    const more = (tasks.length === limit && applied.length > 0) || held > 0;
    return { considered: tasks.length, assigned: applied.length, more };
  }

  private routingContext(index: RosterIndex): RoutingContext {
    const source = this.source;
    const agentsOf = (ids: readonly string[]) =>
      ids.map((id) => index.agents[index.indexOf(id)]).filter((a): a is Agent => a !== undefined);
    return {
      now: this.now,
      random: this.random,
      limit: MAX_CANDIDATES_RECORDED,
      signals: (id) => source.signals(id),
      holders: (key) =>
        source.holdersOf
          ? agentsOf(source.holdersOf(key))
          : index.agents.filter((a) => source.signals(a.id).contextKeys.includes(key)),
    };
  }

  private rememberWait(taskId: string, reason: string | null): void {
    this.waits.delete(taskId);
    if (reason === null) return;
    this.waits.set(taskId, reason);
    if (this.waits.size > MAX_WAITS) this.waits.delete(this.waits.keys().next().value as string);
  }

  /** Every claimed poll gets its assignment, or null when the write did not apply. */
  private settleHandoffs(
    handoffs: Map<string, (a: Assignment | null) => void>,
    applied: { taskId: string; attempt: number }[],
    plans: PlannedAssignment[],
    tasks: Task[],
  ): void {
    if (!handoffs.size) return;
    const appliedAttempt = new Map(applied.map((a) => [a.taskId, a.attempt]));
    const taskById = new Map(tasks.map((t) => [t.id, t]));
    for (const plan of plans) {
      const give = handoffs.get(plan.taskId);
      if (!give) continue;
      const attempt = appliedAttempt.get(plan.taskId);
      const t = taskById.get(plan.taskId)!;
      give(
        attempt === undefined
          ? null
          : {
              taskId: t.id,
              attempt,
              leaseToken: plan.leaseToken,
              title: t.title,
              payload: t.payload,
              capabilities: t.capabilities,
              priority: t.priority,
              contextKey: t.contextKey,
              timeoutMs: t.timeoutMs,
            },
      );
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
