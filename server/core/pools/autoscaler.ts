import type { Agent } from '../model';
import type { EventBus, Logger, Store } from '../ports';
import type { AgentLifecycle } from '../registry/agent-lifecycle';
import type { IdleClock } from './idle-clock';
import { MAX_RESTARTS, type PoolAgents } from './pool-agents';
import { poolCounts, type Pool } from './pool-model';
import { decideScale, type ScaleDecision } from './scale-decision';
import { activeSleepWindow, parseSleepWindow } from './sleep-windows';

/** A pool's size is sampled at least this often for its chart (and whenever it changes). */
const SAMPLE_EVERY_MS = 5_000;
const BY = 'autoscaler';

/**
 * The autoscaler's tick: for each enabled pool, restart crashed members, decide from the
 * backlog and the members' idleness (decideScale), act through the lifecycle and the pool's
 * provider, and record the decision with its inputs. Holds are recorded once per change of reason.
 */
export class Autoscaler {
  private lastSample = new Map<string, { at: number; key: string }>();
  private lastHold = new Map<string, string>();

  constructor(
    private readonly store: Store,
    private readonly bus: EventBus,
    private readonly agents: PoolAgents,
    private readonly lifecycle: AgentLifecycle,
    private readonly idle: IdleClock,
    private readonly log: Logger,
    private readonly now: () => number,
  ) {}

  async tick(): Promise<void> {
    for (const pool of await this.store.pools.list()) {
      if (!pool.enabled) continue;
      try {
        await this.scalePool(pool);
      } catch (err) {
        this.log.error({ err, pool: pool.name }, 'scaling a pool failed');
      }
    }
  }

  async scalePool(pool: Pool): Promise<ScaleDecision> {
    let agents = await this.store.pools.agentsOf(pool.id);
    const givenUp = await this.agents.superviseCrashed(pool, agents);
    for (const id of givenUp) await this.lifecycle.terminate(id, `${BY} (crashed ${MAX_RESTARTS + 1} times)`);
    if (givenUp.length) agents = await this.store.pools.agentsOf(pool.id);
    const backlog = await this.store.pools.backlog(pool.capabilities);
    const now = this.now();
    const window = activeSleepWindow(pool.sleepWindows.map(parseSleepWindow), now);
    const members = agents.map((a) => ({ agentId: a.id, name: a.name, status: a.status, activeTasks: a.activeTasks, idleForMs: this.idle.idleForMs(a, now) }));
    const decision = decideScale({ pool, backlog, members, now, sleepWindow: window?.text ?? null });
    if (!this.agents.provider(pool.provider) && decision.action === 'scale-up') {
      await this.recordHold(pool, agents, backlog, `${decision.reason} held: provider ${pool.provider} is not available on this server`);
      return decision;
    }
    await this.apply(pool, decision);
    if (decision.action === 'hold') await this.recordHold(pool, agents, backlog, decision.reason);
    else if (decision.action !== 'none') {
      this.lastHold.delete(pool.id);
      await this.store.pools.recordDecision({
        poolId: pool.id, action: decision.action, delta: decision.delta, backlog, ...sizeAndAwake(agents), reason: decision.reason,
        inputs: { backlog, members, minSize: pool.minSize, maxSize: pool.maxSize, target: pool.targetBacklogPerAgent, sleepWindow: window?.text ?? null },
      });
      await this.bus.publish('pool:scaled', { poolId: pool.id, pool: pool.name, action: decision.action, delta: decision.delta, reason: decision.reason });
    }
    await this.sample(pool, decision.action === 'none' || decision.action === 'hold' ? agents : await this.store.pools.agentsOf(pool.id), backlog, now);
    return decision;
  }

  private async apply(pool: Pool, d: ScaleDecision): Promise<void> {
    const act = async (what: string, fn: () => Promise<unknown>) => fn().catch((err) => this.log.warn({ err: (err as Error).message, pool: pool.name }, `${what} failed`));
    for (const id of d.remove) await act('removing an agent', () => this.lifecycle.terminate(id, BY));
    // An agent that took work since the decision refuses to sleep (CONFLICT): it simply stays awake.
    for (const id of d.sleep) await act('putting an agent to sleep', () => this.lifecycle.sleep(id, BY));
    for (const id of d.wake) await act('waking an agent', () => this.lifecycle.wake(id, BY));
    for (let i = 0; i < d.start; i++) await act('starting an agent', () => this.agents.startNew(pool));
    if (d.action === 'scale-up') await this.store.pools.markScaled(pool.id, 'up');
    if (d.action === 'scale-down') await this.store.pools.markScaled(pool.id, 'down');
  }

  private async recordHold(pool: Pool, agents: Agent[], backlog: number, reason: string): Promise<void> {
    // The seconds left change every tick; the hold itself is news once.
    const key = reason.replace(/\d+ s left/, '');
    if (this.lastHold.get(pool.id) === key) return;
    this.lastHold.set(pool.id, key);
    await this.store.pools.recordDecision({ poolId: pool.id, action: 'hold', delta: 0, backlog, ...sizeAndAwake(agents), reason, inputs: { backlog } });
  }

  private async sample(pool: Pool, agents: Agent[], backlog: number, now: number): Promise<void> {
    const s = { ...poolCounts(agents), backlog };
    const key = `${s.size}/${s.awake}/${s.busy}/${s.backlog}`;
    const last = this.lastSample.get(pool.id);
    if (last && last.key === key && now - last.at < SAMPLE_EVERY_MS) return;
    this.lastSample.set(pool.id, { at: now, key });
    await this.store.pools.recordSample(pool.id, s);
  }
}

const sizeAndAwake = (agents: Agent[]) => {
  const { size, awake } = poolCounts(agents);
  return { size, awake };
};
