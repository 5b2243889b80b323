import { actorRef, systemActor } from '../access/actor';
import { type RequestContext, systemContext } from '../access/request-context';
import type { Agent } from '../model';
import type { Logger, Store } from '../ports';
import type { AgentLifecycle } from '../registry/agent-lifecycle';
import { crashSummary } from './crash-report';
import type { IdleClock } from './idle-clock';
import { MAX_RESTARTS, type Crash, type PoolAgents } from './pool-agents';
import { poolCounts, type Pool, type PoolHold } from './pool-model';
import { decideScale, type ScaleDecision } from './scale-decision';
import { activeSleepWindow, formatLocal, parseSleepWindow, sleepsUntil } from './sleep-windows';

/** A pool's size is sampled at least this often for its chart (and whenever it changes). */
const SAMPLE_EVERY_MS = 5_000;
/** After giving up on a crashing agent, the pool starts no new one for this long (or until its settings change). */
export const CRASH_HOLD_MS = 5 * 60_000;

type DecisionFields = { action: string; delta: number; reason: string; inputs?: Record<string, unknown> };

/**
 * The autoscaler's tick: for each enabled pool, restart crashed members, decide from the
 * backlog and the members' idleness (decideScale), act through the lifecycle and the pool's
 * provider, and record the decision with its inputs. A hold (sleep window, cool-down, max size,
 * crash loop, a disabled pool with backlog) is stored on the pool and recorded once per change.
 */
const AUTOSCALER = actorRef(systemActor('autoscaler'));

export class Autoscaler {
  private lastSample = new Map<string, { at: number; key: string }>();

  constructor(
    private readonly store: Store,
    private readonly agents: PoolAgents,
    private readonly lifecycle: AgentLifecycle,
    private readonly idle: IdleClock,
    private readonly log: Logger,
    private readonly now: () => number,
  ) {
    this.req = systemContext('autoscaler', log);
  }

  /** The autoscaler acts as itself: its changes to agents say "by the autoscaler". */
  private readonly req: RequestContext;

  async tick(): Promise<void> {
    for (const pool of await this.store.pools.list()) {
      try {
        if (pool.enabled) await this.scalePool(pool);
        else await this.holdDisabled(pool);
      } catch (err) {
        this.log.error({ err, pool: pool.name }, 'scaling a pool failed');
      }
    }
  }

  async scalePool(pool: Pool): Promise<ScaleDecision> {
    let agents = await this.store.pools.agentsOf(pool.id);
    const backlog = await this.store.pools.backlog(pool.capabilities);
    const crashes = await this.agents.superviseCrashed(pool, agents);
    let crashLoop = pool.hold?.kind === 'crash-loop' && (pool.hold.until ?? Infinity) > this.now() ? pool.hold : null;
    for (const crash of crashes) crashLoop = (await this.recordCrash(pool, agents, backlog, crash)) ?? crashLoop;
    if (crashes.some((c) => c.gaveUp)) agents = await this.store.pools.agentsOf(pool.id);
    const now = this.now();
    const windows = pool.sleepWindows.map(parseSleepWindow);
    const window = activeSleepWindow(windows, now, pool.timeZone);
    const sleepWindow = window ? { text: window.text, until: sleepsUntil(windows, now, pool.timeZone) } : null;
    const members = agents.map((a) => ({
      agentId: a.id,
      name: a.name,
      status: a.status,
      activeTasks: a.activeTasks,
      idleForMs: this.idle.idleForMs(a, now),
    }));
    const decision = decideScale({
      pool,
      backlog,
      members,
      now,
      sleepWindow,
      crashLoop,
      providerAvailable: !!this.agents.provider(pool.provider),
      providerKind: pool.provider,
    });
    await this.apply(pool, decision);
    if (decision.hold) await this.recordHold(pool, agents, backlog, decision, decision.hold);
    else {
      // A crash loop outlasts ticks that need no new agent; other holds end with their cause.
      if (pool.hold && !crashLoop) await this.store.pools.setHold(pool.id, null);
      if (decision.action !== 'none') {
        const inputs = {
          backlog,
          members,
          minSize: pool.minSize,
          maxSize: pool.maxSize,
          target: pool.targetBacklogPerAgent,
          sleepWindow,
        };
        await this.record(pool, agents, backlog, { ...decision, inputs });
      }
    }
    await this.sample(
      pool,
      decision.action === 'none' || decision.action === 'hold' ? agents : await this.store.pools.agentsOf(pool.id),
      backlog,
      now,
    );
    return decision;
  }

  /** A disabled pool scales nothing; queued work it could take is a hold worth naming. */
  private async holdDisabled(pool: Pool): Promise<void> {
    const backlog = await this.store.pools.backlog(pool.capabilities);
    if (!backlog) {
      if (pool.hold) await this.store.pools.setHold(pool.id, null);
      return;
    }
    const caps = pool.capabilities.map((c) => `\`${c}\``).join(', ');
    const hold: PoolHold = { kind: 'disabled', key: 'disabled', until: null, message: 'is disabled' };
    await this.recordHold(
      pool,
      await this.store.pools.agentsOf(pool.id),
      backlog,
      { reason: `backlog ${backlog} for ${caps} held: pool disabled` },
      hold,
    );
  }

  /** Each crash is recorded with its exit and stderr; giving up also holds the pool back from starting more. */
  private async recordCrash(pool: Pool, agents: Agent[], backlog: number, crash: Crash): Promise<PoolHold | null> {
    const inputs = { agentId: crash.agentId, restarts: crash.restarts, exit: crash.exit };
    if (!crash.gaveUp) {
      await this.record(pool, agents, backlog, {
        action: 'restart',
        delta: 0,
        reason: `\`${crash.name}\` ${crashSummary(crash.exit)} → restart ${crash.restarts} of ${MAX_RESTARTS}`,
        inputs,
      });
      return null;
    }
    await this.lifecycle.terminate(
      this.req,
      crash.agentId,
      `terminated by the autoscaler (crashed ${MAX_RESTARTS + 1} times)`,
    );
    const until = this.now() + CRASH_HOLD_MS;
    const what = `\`${crash.name}\` crashed ${MAX_RESTARTS + 1} times (${crashSummary(crash.exit)})`;
    const hold: PoolHold = {
      kind: 'crash-loop',
      key: `crash-loop:${crash.agentId}:${until}`,
      until,
      message: `starts no agents until ${formatLocal(until, pool.timeZone)} or a settings change: ${what}`,
    };
    await this.store.pools.setHold(pool.id, hold);
    await this.record(pool, agents, backlog, {
      action: 'hold',
      delta: 0,
      reason: `${what}: given up, terminated; no new agents until ${formatLocal(until, pool.timeZone)} or until the pool's settings change`,
      inputs: { ...inputs, hold },
    });
    return hold;
  }

  private async apply(pool: Pool, d: ScaleDecision): Promise<void> {
    const act = async (what: string, fn: () => Promise<unknown>) =>
      fn().catch((err) => this.log.warn({ err: (err as Error).message, pool: pool.name }, `${what} failed`));
    for (const id of d.remove) await act('removing an agent', () => this.lifecycle.terminate(this.req, id));
    // An agent that took work since the decision refuses to sleep (CONFLICT): it simply stays awake.
    for (const id of d.sleep) await act('putting an agent to sleep', () => this.lifecycle.sleep(this.req, id));
    for (const id of d.wake) await act('waking an agent', () => this.lifecycle.wake(this.req, id));
    for (let i = 0; i < d.start; i++) await act('starting an agent', () => this.agents.startNew(pool));
    if (d.action === 'scale-up') await this.store.pools.markScaled(pool.id, 'up');
    if (d.action === 'scale-down') await this.store.pools.markScaled(pool.id, 'down');
  }

  /** Stores the hold on the pool; only the tick (of any replica) that changes it records the decision. */
  private async recordHold(
    pool: Pool,
    agents: Agent[],
    backlog: number,
    d: { reason: string },
    hold: PoolHold,
  ): Promise<void> {
    if (pool.hold?.key === hold.key || !(await this.store.pools.setHold(pool.id, hold))) return;
    await this.record(pool, agents, backlog, { action: 'hold', delta: 0, reason: d.reason, inputs: { backlog, hold } });
  }

  private async record(pool: Pool, agents: Agent[], backlog: number, d: DecisionFields): Promise<void> {
    const { size, awake } = poolCounts(agents);
    await this.store.pools.recordDecision({
      poolId: pool.id,
      action: d.action,
      delta: d.delta,
      backlog,
      size,
      awake,
      reason: d.reason,
      inputs: d.inputs ?? { backlog },
      actor: AUTOSCALER,
    });
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
