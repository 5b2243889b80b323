import type { z } from 'zod';
import { type ActorRef, actorRef, describeActor } from '../access/actor';
import { demand } from '../access/authorize';
import type { RequestContext } from '../access/request-context';
import { conflict, invalid, notFound } from '../errors';
import type { Agent } from '../model';
import type { Store } from '../ports';
import type { AgentLifecycle } from '../registry/agent-lifecycle';
import { describePoolChange } from './pool-change';
import { CreatePoolInput, UpdatePoolInput } from './pool-input';
import { poolCounts, type Pool } from './pool-model';
import type { PoolAgents } from './pool-agents';
import { PoolSamplesInput, readPoolSamples } from './pool-samples-view';
import { maskSecrets, resolveSecrets } from './pool-secrets';
import type { CoreDeps } from '../shared/core-module';

/** A pool as answers show it: secrets as set / not set. */
const view = <P extends Pool>(p: P): P => ({ ...p, providerSettings: maskSecrets(p.providerSettings) });

/** Pool CRUD and what the Pools page shows: members, decisions, size against backlog. */
const CONFIGURATION_FIELDS = ['provider', 'providerSettings', 'adapter'] as const;

export interface PoolServiceParts {
  agents: PoolAgents;
  lifecycle: AgentLifecycle;
  /** A pool changed: the autoscaler looks again soon. */
  onChange: () => void;
  /** Why a member takes no new work right now (rate limit, context, stopping), as routing sees it. */
  holdOf?: (agent: Agent) => string | null;
}

export class PoolService {
  private readonly store: Store;
  private readonly agents: PoolAgents;
  private readonly lifecycle: AgentLifecycle;
  private readonly onChange: () => void;
  private readonly holdOf: (agent: Agent) => string | null;

  constructor(deps: Pick<CoreDeps, 'store'>, parts: PoolServiceParts) {
    ({ store: this.store } = deps);
    ({ agents: this.agents, lifecycle: this.lifecycle, onChange: this.onChange } = parts);
    this.holdOf = parts.holdOf ?? (() => null);
  }

  async create(req: RequestContext, raw: CreatePoolInput): Promise<Pool> {
    const by = actorRef(req.actor);
    const parsed = CreatePoolInput.parse(raw);
    const input = { ...parsed, providerSettings: resolveSecrets(parsed.providerSettings, null) };
    this.checkProvider(input.provider, input.providerSettings);
    const pool = await this.store.pools.create({ ...input, createdBy: by });
    if (!pool) throw conflict(`a pool named ${input.name} already exists`);
    req.log.info({ pool: pool.name, provider: pool.provider }, 'pool created');
    this.onChange();
    return view(pool);
  }

  /** Changes the fields sent and keeps the others; the autoscaler then looks at the pool afresh. */
  async update(req: RequestContext, raw: UpdatePoolInput): Promise<Pool> {
    const { id, ...patch } = UpdatePoolInput.parse(raw);
    // Sizes and windows are day-to-day operation; what runs the agents is configuration.
    if (CONFIGURATION_FIELDS.some((f) => patch[f] !== undefined))
      demand(req.actor, 'pools.update', ['pools:configure']);
    const by = actorRef(req.actor);
    const current = await this.get(id);
    const sameProvider = patch.provider === undefined || patch.provider === current.provider;
    if (patch.providerSettings)
      patch.providerSettings = resolveSecrets(patch.providerSettings, sameProvider ? current.providerSettings : null);
    const merged: Pool = { ...current, ...patch };
    if (merged.minSize > merged.maxSize) throw invalid('maxSize: must be at least minSize');
    if (patch.provider && patch.provider !== current.provider && (await this.store.pools.agentsOf(current.id)).length) {
      throw conflict(`pool ${current.name} still has agents: scale it to 0 before changing its provider`);
    }
    this.checkProvider(merged.provider, merged.providerSettings);
    await this.store.pools.setHold(current.id, null);
    const pool = await this.store.pools.update(current.id, patch, by);
    if (!pool) throw notFound('pool', id);
    await this.recordChange(pool, describePoolChange(current, pool, Object.keys(patch), describeActor(by)), by);
    // Field names only: settings may hold secrets.
    req.log.info({ pool: pool.name, fields: Object.keys(patch) }, 'pool updated');
    this.onChange();
    return view(pool);
  }

  /** Terminates the pool's agents (their work goes back to the queue), then forgets the pool. */
  async remove(req: RequestContext, id: string): Promise<{ terminated: number }> {
    const by = actorRef(req.actor);
    const pool = await this.get(id);
    const agents = await this.store.pools.agentsOf(pool.id);
    await this.store.pools.update(pool.id, { enabled: false }, by);
    for (const a of agents)
      await this.lifecycle.terminate(req, a.id, `pool ${pool.name} deleted by ${describeActor(by)}`);
    await this.store.pools.remove(pool.id);
    req.log.info({ pool: pool.name, terminated: agents.length }, 'pool deleted');
    return { terminated: agents.length };
  }

  async get(id: string): Promise<Pool> {
    const pool = await this.store.pools.get(id);
    if (!pool) throw notFound('pool', id);
    return pool;
  }

  /** Every pool with its live counts and backlog. */
  async list() {
    const pools = await this.store.pools.list();
    return Promise.all(pools.map(async (p) => ({ ...view(p), ...(await this.counts(p)) })));
  }

  async detail(id: string) {
    const pool = await this.get(id);
    const agents = await this.store.pools.agentsOf(pool.id);
    const members = await this.store.pools.members(pool.id);
    const ref = new Map(members.map((m) => [m.agentId, m]));
    return {
      pool: { ...view(pool), ...(await this.counts(pool, agents)) },
      agents: agents.map((a) => {
        const m = ref.get(a.id);
        return {
          ...a,
          hold: this.holdOf(a),
          running: m?.running ?? false,
          restarts: m?.restarts ?? 0,
          lastExit: m?.lastExit ?? null,
        };
      }),
      providerAvailable: !!this.agents.provider(pool.provider),
    };
  }

  decisions(id: string, limit: number) {
    return this.get(id).then((p) => this.store.pools.decisions(p.id, limit));
  }

  async samples(raw: z.input<typeof PoolSamplesInput>, now: number) {
    const { id, range } = PoolSamplesInput.parse(raw);
    return readPoolSamples(this.store, (await this.get(id)).id, range, now);
  }

  providers(): string[] {
    return this.agents.providerKinds;
  }

  /** An operator's change goes into the pool's decision timeline, beside what the autoscaler did. */
  private async recordChange(
    pool: Pool,
    change: ReturnType<typeof describePoolChange>,
    actor: ActorRef,
  ): Promise<void> {
    if (!change) return;
    const { size, awake, backlog } = await this.counts(pool);
    await this.store.pools.recordDecision({
      poolId: pool.id,
      action: change.action,
      delta: 0,
      backlog,
      size,
      awake,
      reason: change.reason,
      inputs: { fields: change.fields },
      actor,
    });
  }

  private async counts(pool: Pool, known?: Awaited<ReturnType<Store['pools']['agentsOf']>>) {
    const agents = known ?? (await this.store.pools.agentsOf(pool.id));
    return { ...poolCounts(agents), backlog: await this.store.pools.backlog(pool.capabilities) };
  }

  private checkProvider(kind: string, settings: Record<string, unknown>): void {
    const provider = this.agents.provider(kind);
    if (!provider)
      throw invalid(
        `provider: ${kind} is not available on this server (available: ${this.agents.providerKinds.join(', ') || 'none'})`,
      );
    const problem = provider.validateSettings(settings);
    if (problem) throw invalid(`providerSettings: ${problem}`);
  }
}
