import { DEFAULT_CONTEXT_POLICY, needsConsolidation, type ContextPolicy } from '../context/context-policy';
import type { Agent, AgentState } from '../model';
import { notFound } from '../errors';
import type { Clock, EventBus, Logger, Metrics, Store } from '../ports';
import type { CoreDeps } from '../shared/core-module';
import { newSecret } from '../shared/ids';
import { DEFAULT_INPUT_LIMITS, labelIssues, rejectIssues, type InputLimits } from '../shared/input-limits';
import { AGENT_TOKEN_PREFIX } from '../security/auth-service';
import { hashSecret } from '../security/secrets';
import { countOutcome } from '../tasks/count-outcome';
import { countsOf, matchingCount, nextCursorOf, toPageQuery, type AgentListInput, type AgentPage } from './agent-query';
import { HeartbeatInput, RegisterAgentInput } from './register-input';

export interface HeartbeatAnswer {
  status: AgentState;
  /** The context window is past the consolidation threshold: compact or start afresh before new work. */
  consolidate: boolean;
  /** Rate-limited: no work until then. */
  parkedUntil: number | null;
}

/** States a clean stop replaces; a sleeping, stopped or terminated agent keeps its state. */
const SIGN_OFF_FROM: AgentState[] = ['starting', 'idle', 'draining', 'unhealthy', 'offline'];

/** Agent lifecycle: registration (idempotent by name), heartbeats, state changes. */
export interface RegistryHooks {
  /** Capacity appeared or went away: dispatch soon. */
  onCapacityChange: () => void;
  /** Drops cached credentials of an agent whose token was replaced or revoked (at once, on this replica). */
  forgetToken?: (agentId: string) => void;
}

export class AgentRegistry {
  private heardFrom = new Set<string>();

  private readonly store: Store;
  private readonly bus: EventBus;
  private readonly clock: Clock;
  private readonly metrics: Metrics;
  private readonly log: Logger;
  private readonly onCapacityChange: () => void;
  private readonly forgetToken: (agentId: string) => void;
  readonly contextPolicy: ContextPolicy;
  private readonly limits: InputLimits;

  constructor(
    deps: CoreDeps,
    hooks: RegistryHooks,
    opts: { contextPolicy?: ContextPolicy; inputLimits?: InputLimits } = {},
  ) {
    ({ store: this.store, bus: this.bus, clock: this.clock, metrics: this.metrics } = deps);
    this.log = deps.log.child({ part: 'registry' });
    this.onCapacityChange = hooks.onCapacityChange;
    this.forgetToken = hooks.forgetToken ?? (() => {});
    this.contextPolicy = opts.contextPolicy ?? DEFAULT_CONTEXT_POLICY;
    this.limits = opts.inputLimits ?? DEFAULT_INPUT_LIMITS;
  }

  /** Registers or re-registers an agent; the returned token replaces any earlier one. */
  async register(
    raw: RegisterAgentInput,
    managed?: { poolId: string },
  ): Promise<{ agentId: string; token: string; reregistered: boolean }> {
    const started = performance.now();
    const input = RegisterAgentInput.parse(raw);
    rejectIssues(labelIssues(input.labels, this.limits.labels));
    const token = newSecret(AGENT_TOKEN_PREFIX.slice(0, -1));
    const { agent, created, previous } = await this.store.agents.upsert({
      name: input.name,
      runtime: input.runtime,
      capabilities: input.capabilities,
      maxConcurrency: input.maxConcurrency,
      labels: input.labels,
      contextWindow: input.contextWindow ?? null,
      tokenHash: hashSecret(token),
      poolId: managed?.poolId,
    });
    // A re-registered agent lost its in-flight work when it restarted: hand that work to others.
    if (!created) {
      this.forgetToken(agent.id);
      await this.requeueWork(agent.id, 'agent re-registered');
    }
    this.metrics.registration(performance.now() - started);
    this.log.info({ agentId: agent.id, name: agent.name, reregistered: !created, previous }, 'agent registered');
    return { agentId: agent.id, token, reregistered: !created };
  }

  /**
   * A sign of life with what the agent's CLI is doing. The answer tells the agent its state,
   * whether to consolidate its context before new work, and until when it is parked.
   */
  async heartbeat(agentId: string, raw: HeartbeatInput = {}): Promise<HeartbeatAnswer> {
    const report = HeartbeatInput.parse(raw);
    const changed = await this.store.agents.heartbeat(agentId, report);
    if (!changed) throw notFound('agent', agentId);
    this.heardFrom.add(agentId);
    if (changed.previous !== changed.status) this.onCapacityChange();
    if (changed.activityChanged) {
      await this.bus.publish('agent:activity', {
        agentId,
        state: changed.activity,
        detail: changed.activityDetail,
        parkedUntil: changed.parkedUntil,
      });
      if (changed.activity === 'rate-limited')
        this.log.info({ agentId, parkedUntil: changed.parkedUntil }, 'agent rate-limited: parked');
      else this.onCapacityChange();
    }
    return {
      status: changed.status,
      consolidate: needsConsolidation(changed.contextUsed, changed.contextWindow, this.contextPolicy),
      parkedUntil: changed.parkedUntil,
    };
  }

  /**
   * Its worker stopped cleanly and says so: `stopped` at once, whatever it still holds handed on
   * now rather than after the offline timeout. A pool's sleeping agent stays asleep (the pool
   * stopped it) and a terminated one terminated; the answer is the status it has after the call.
   */
  async signOff(agentId: string): Promise<{ status: AgentState; requeued: number }> {
    const changed = await this.store.agents.markStopped(agentId, SIGN_OFF_FROM, 'its worker stopped cleanly');
    if (!changed) return { status: (await this.get(agentId)).status, requeued: 0 };
    const requeued = await this.requeueWork(agentId, 'agent stopped');
    this.onCapacityChange();
    this.log.info({ agentId, previous: changed.previous, requeued }, 'agent stopped cleanly');
    return { status: 'stopped', requeued };
  }

  /** Takes the agent out of rotation for good; its active work goes back to the queue. */
  /** Returns how many of its tasks went back to the queue. */
  async deregister(agentId: string, reason = 'deregistered'): Promise<number> {
    const changed = await this.store.agents.setStatus(agentId, 'terminated', reason);
    if (!changed) throw notFound('agent', agentId);
    this.forgetToken(agentId);
    return this.requeueWork(agentId, `agent ${reason}`);
  }

  async get(agentId: string): Promise<Agent> {
    const agent = await this.store.agents.get(agentId);
    if (!agent) throw notFound('agent', agentId);
    return agent;
  }

  /** A page of agents (filtered, sorted, after a cursor), how many match, and the whole fleet's counts. */
  async list(raw?: AgentListInput): Promise<AgentPage> {
    const query = toPageQuery(raw);
    // Without a search or ids, the fleet counts already say how many match: one scan of the table fewer.
    const fromCounts = !query.search && !query.ids;
    const [page, byStatus] = await Promise.all([
      this.store.agents.page(query, !fromCounts),
      this.store.agents.counts(),
    ]);
    const counts = countsOf(byStatus);
    const total = page.total ?? matchingCount(counts, query);
    return { items: page.items, total, nextCursor: nextCursorOf(query.sort, page.last), counts };
  }

  /** Forgets agents terminated longer ago than the retention; their tasks keep the agent's id. */
  async pruneTerminated(retentionMs: number): Promise<number> {
    const pruned = await this.store.agents.pruneTerminated(retentionMs);
    if (pruned) this.log.info({ pruned, retentionMs }, 'terminated agents pruned');
    return pruned;
  }

  /** Announces the agents heard from since the last call, in one event. */
  async announceHeartbeats(): Promise<void> {
    if (!this.heardFrom.size) return;
    const agentIds = [...this.heardFrom];
    this.heardFrom.clear();
    await this.bus.publish('agent:heartbeats', { agentIds });
  }

  async requeueWork(agentId: string, reason: string): Promise<number> {
    const requeued = await this.store.tasks.requeueAgentWork(agentId, reason);
    for (const t of requeued) countOutcome(this.metrics, { status: t.status, reason });
    if (requeued.length) this.onCapacityChange();
    return requeued.length;
  }
}
