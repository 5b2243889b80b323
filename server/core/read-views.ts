import type { RequestContext } from './access/request-context';
import type { BreakerService } from './breakers/breaker-service';
import { readClusterView } from './cluster/cluster-view';
import type { AgentSignalsTracker } from './balancing/agent-signals';
import { needsConsolidation, type ContextPolicy } from './context/context-policy';
import { readOverview } from './metrics/overview';
import { readSeriesView } from './metrics/series-view';
import type { PoolAgents } from './pools/pool-agents';
import type { PoolService } from './pools/pool-service';
import type { Clock, Store } from './ports';
import type { AgentRegistry } from './registry/agent-registry';
import { readDistribution, runWhatIf } from './routing/balancing-view';
import { explainTasks } from './routing/pending-view';
import { holdReason } from './scheduler/agent-hold';
import type { Dispatcher } from './scheduler/dispatcher';
import type { DeadLetters } from './tasks/dead-letters';
import type { TaskService } from './tasks/task-service';
import { leaseView } from './work/lease-clock';
import type { LeasePolicy } from './work/lease-policy';

export interface ReadViewParts {
  store: Store;
  clock: Clock;
  registry: AgentRegistry;
  breakers: BreakerService;
  signals: AgentSignalsTracker;
  poolAgents: PoolAgents;
  tasks: TaskService;
  deadLetters: DeadLetters;
  pools: PoolService;
  dispatcher: Dispatcher;
  contextPolicy: ContextPolicy;
  leasePolicy: LeasePolicy;
  /** The replica answering (the replica panel marks it). */
  replicaId: string;
}

/**
 * Every read the API serves takes the request context, like the writes: reads record nothing
 * today, but a sensitive one (an agent's output) logs who read it, and scoping comes here.
 *
 * What the dashboard and the API read across capabilities: an agent with what routing sees of it,
 * a task with why it waits and its lease, the overview and the charts. Reads only.
 */
export class ReadViews {
  constructor(private readonly p: ReadViewParts) {}

  /** A page of agents with what routing sees of their circuit breakers. */
  async listAgents(_req: RequestContext, query: Parameters<AgentRegistry['list']>[0]) {
    const now = this.p.clock.now();
    const page = await this.p.registry.list(query);
    return {
      ...page,
      items: page.items.map((a) => ({
        ...a,
        breaker: this.p.breakers.stateOf(a),
        hold: holdReason(a, now, this.p.contextPolicy),
      })),
    };
  }

  /** An agent with its breaker, what holds it back, and the contexts it holds. */
  async getAgent(_req: RequestContext, id: string) {
    const a = await this.p.registry.get(id);
    const policy = this.p.contextPolicy;
    return {
      ...a,
      breaker: this.p.breakers.stateOf(a),
      hold: holdReason(a, this.p.clock.now(), policy),
      contextKeys: this.p.signals.signals(id).contextKeys,
      contextPolicy: policy,
      consolidate: needsConsolidation(a.contextUsed, a.contextWindow, policy),
    };
  }

  /** A managed agent's output may hold what its CLI printed: who read it is logged. */
  async agentLogs(req: RequestContext, id: string, tail: number): Promise<{ logs: string; managed: boolean }> {
    const agent = await this.p.registry.get(id);
    if (!agent.poolId) return { logs: '', managed: false };
    req.log.info({ agentId: id, tail }, 'agent logs read');
    return {
      logs: await this.p.poolAgents.logs(agent, tail).catch((err) => `logs unavailable: ${(err as Error).message}`),
      managed: true,
    };
  }

  /** A page of tasks, with the reason each waiting one is not running yet. */
  async listTasks(_req: RequestContext, input: Parameters<TaskService['list']>[0]) {
    const page = await this.p.tasks.list(input);
    return { ...page, pending: await explainTasks(this.p.store, this.p.dispatcher, page.items, this.p.clock.now()) };
  }

  async taskDetail(_req: RequestContext, id: string) {
    const detail = await this.p.tasks.detail(id);
    const now = this.p.clock.now();
    const pending = await explainTasks(this.p.store, this.p.dispatcher, [detail.task], now);
    return { ...detail, pending: pending[id] ?? null, lease: leaseView(detail.task, this.p.leasePolicy, now) };
  }

  /** Why this task is not running, or null when it is not waiting. */
  async whyPending(_req: RequestContext, id: string) {
    const task = await this.p.tasks.get(id);
    return (await explainTasks(this.p.store, this.p.dispatcher, [task], this.p.clock.now()))[id] ?? null;
  }

  distribution(_req: RequestContext, input: Parameters<typeof readDistribution>[1]) {
    return readDistribution(this.p.store, input, this.p.clock.now());
  }

  /** The overview's charts over a time range. */
  series(_req: RequestContext, input: Parameters<typeof readSeriesView>[1]) {
    return readSeriesView(this.p.store, input, this.p.clock.now());
  }

  /** A pool's size against backlog over a time range. */
  poolSamples(_req: RequestContext, input: Parameters<PoolService['samples']>[0]) {
    return this.p.pools.samples(input, this.p.clock.now());
  }

  whatIf(_req: RequestContext, input: Parameters<typeof runWhatIf>[1]) {
    return runWhatIf(this.p.store, input);
  }

  overview(_req: RequestContext) {
    return readOverview(this.p.store, this.p.clock.now());
  }

  /** The server processes of the cluster, which one leads, and its epoch. */
  replicas(_req: RequestContext) {
    return readClusterView(this.p.store, this.p.replicaId);
  }

  recentDecisions(_req: RequestContext, limit: number) {
    return this.p.store.tasks.recentDecisions(limit);
  }

  /** One task as stored. */
  task(_req: RequestContext, id: string) {
    return this.p.tasks.get(id);
  }

  /** The agent's circuit breaker and its runtime's, with their transitions. */
  breaker(_req: RequestContext, agentId: string) {
    return this.p.breakers.view(agentId);
  }

  pools(_req: RequestContext) {
    return this.p.pools.list();
  }

  pool(_req: RequestContext, id: string) {
    return this.p.pools.detail(id);
  }

  poolProviders(_req: RequestContext) {
    return this.p.pools.providers();
  }

  poolDecisions(_req: RequestContext, id: string, limit: number) {
    return this.p.pools.decisions(id, limit);
  }

  /** How many dead letters "retry all matching" would retry now. */
  countDeadLetters(_req: RequestContext, input: Parameters<DeadLetters['count']>[0]) {
    return this.p.deadLetters.count(input);
  }
}
