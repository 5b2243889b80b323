import type { ManagedAgentControl } from '../registry/agent-lifecycle';
import type { AgentRegistry } from '../registry/agent-registry';
import type { Agent } from '../model';
import type { Logger, Store } from '../ports';
import type { AgentProvider, ManagedExit } from './ports';
import type { Pool, PoolMember } from './pool-model';
import { conflict, unavailable } from '../errors';
import { AGENT_ADAPTERS } from '../shared/agent-adapters';

/** Restarts of a crashed managed agent before it is given up (terminated). */
export const MAX_RESTARTS = 3;
const STOP_GRACE_MS = 10_000;
/** A member that ran this long before it died starts its restart count afresh. */
const RESTART_WINDOW_MS = 600_000;

/** A member whose process or container died while it should run. */
export interface Crash {
  agentId: string;
  name: string;
  exit: ManagedExit | null;
  /** Restarts so far, this one included; unchanged when it was given up. */
  restarts: number;
  gaveUp: boolean;
}

/**
 * Starts, stops and restarts a pool's agents through its provider. The server registers each
 * managed agent itself and hands the provider the agent's own token, never an admin one; a wake
 * or restart re-registers it (a fresh token) under the same name, so it keeps its row, its
 * history and its CLI session id.
 */
export class PoolAgents implements ManagedAgentControl {
  private providers = new Map<string, AgentProvider>();
  /** Agents this server process launched; the others were stopped with an earlier one. */
  private readonly launchedHere = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly registry: AgentRegistry,
    private readonly log: Logger,
    private readonly serverUrl: () => string,
    private readonly now: () => number,
  ) {}

  useProviders(providers: Iterable<AgentProvider>): void {
    for (const p of providers) this.providers.set(p.kind, p);
  }

  provider(kind: string): AgentProvider | null {
    return this.providers.get(kind) ?? null;
  }

  get providerKinds(): string[] {
    return [...this.providers.keys()];
  }

  /** Starts one more agent for the pool, named after the first free `<pool>-<n>`. */
  async startNew(pool: Pool): Promise<string> {
    const taken = new Set((await this.store.pools.agentsOf(pool.id)).map((a) => a.name));
    let n = 1;
    while (taken.has(`${pool.name}-${n}`)) n++;
    return this.launch(pool, `${pool.name}-${n}`);
  }

  async sleep(agent: Agent): Promise<void> {
    const member = await this.member(agent);
    if (!member?.ref) return;
    await (await this.providerOf(agent)).stop(member.ref, STOP_GRACE_MS);
    await this.store.pools.saveMember({ ...member, running: false });
  }

  async wake(agent: Agent): Promise<void> {
    const pool = agent.poolId ? await this.store.pools.get(agent.poolId) : null;
    if (!pool)
      throw conflict(`agent ${agent.name} belongs to no pool: only a pool's agents are woken by their provider`, {
        agentId: agent.id,
      });
    const member = await this.member(agent);
    if (member?.ref) await (await this.providerOf(agent)).remove(member.ref).catch(() => {});
    await this.launch(pool, agent.name, member?.restarts);
  }

  async terminate(agent: Agent): Promise<void> {
    const member = await this.member(agent);
    if (member?.ref) await (await this.providerOf(agent)).remove(member.ref);
    await this.store.pools.deleteMember(agent.id);
  }

  /**
   * Restarts members whose process or container died while they should run (bounded by
   * MAX_RESTARTS; then the caller terminates them), keeping how each one ended.
   */
  async superviseCrashed(pool: Pool, agents: readonly Agent[]): Promise<Crash[]> {
    const provider = this.provider(pool.provider);
    if (!provider) return [];
    const byId = new Map(agents.map((a) => [a.id, a]));
    const crashes: Crash[] = [];
    for (const m of await this.store.pools.members(pool.id)) {
      const agent = byId.get(m.agentId);
      if (!agent || !m.running || !m.ref || agent.status === 'sleeping') continue;
      if (await provider.isRunning(m.ref)) continue;
      if (!this.launchedHere.has(agent.id)) {
        // Started by an earlier server process, which stops its agents at shutdown: not a crash.
        this.log.info({ agentId: agent.id }, 'managed agent restarted: it stopped with the previous server process');
        await this.launch(pool, agent.name, m.restarts);
        continue;
      }
      const exit = await provider.exitOf(m.ref).catch(() => null);
      if (exit) await this.store.pools.recordExit(agent.id, exit);
      const restarts = m.startedAt !== null && this.now() - m.startedAt > RESTART_WINDOW_MS ? 0 : m.restarts;
      const gaveUp = restarts >= MAX_RESTARTS;
      const fields = {
        agentId: agent.id,
        restarts: gaveUp ? restarts : restarts + 1,
        code: exit?.code,
        signal: exit?.signal,
        stderr: exit?.stderr.slice(-5),
      };
      this.log.warn(fields, gaveUp ? 'managed agent keeps crashing: giving up' : 'managed agent exited: restarting');
      crashes.push({ agentId: agent.id, name: agent.name, exit, restarts: fields.restarts, gaveUp });
      if (!gaveUp) await this.launch(pool, agent.name, restarts + 1);
    }
    return crashes;
  }

  async logs(agent: Agent, tailLines: number): Promise<string> {
    const member = await this.member(agent);
    if (!member?.ref) return '';
    return (await this.providerOf(agent)).logs(member.ref, tailLines);
  }

  private async launch(pool: Pool, name: string, restarts = 0): Promise<string> {
    const provider = this.provider(pool.provider);
    if (!provider)
      throw unavailable(`provider ${pool.provider} is not available on this server`, { provider: pool.provider });
    const { agentId, token } = await this.registry.register(
      {
        name,
        runtime: pool.provider === 'simulated' ? 'simulated' : AGENT_ADAPTERS[pool.adapter].runtime,
        capabilities: pool.capabilities,
        maxConcurrency: pool.agentConcurrency,
        labels: { pool: pool.name, provider: pool.provider },
      },
      { poolId: pool.id },
    );
    await this.store.pools.saveMember({ agentId, poolId: pool.id, ref: null, running: false, restarts });
    this.launchedHere.add(agentId);
    const { ref } = await provider.start({
      poolName: pool.name,
      agentId,
      agentName: name,
      agentToken: token,
      serverUrl: this.serverUrl(),
      adapter: pool.adapter,
      capabilities: pool.capabilities,
      concurrency: pool.agentConcurrency,
      settings: pool.providerSettings,
    });
    await this.store.pools.saveMember({ agentId, poolId: pool.id, ref, running: true, restarts });
    return agentId;
  }

  private async member(agent: Agent): Promise<PoolMember | null> {
    return agent.poolId ? this.store.pools.member(agent.id) : null;
  }

  /** The provider of the agent's pool; a pool's provider cannot change while it has agents. */
  private async providerOf(agent: Agent): Promise<AgentProvider> {
    const pool = agent.poolId ? await this.store.pools.get(agent.poolId) : null;
    const provider = pool ? this.provider(pool.provider) : null;
    if (!provider) throw unavailable(`no provider on this server runs agent ${agent.name}`, { agentId: agent.id });
    return provider;
  }
}
