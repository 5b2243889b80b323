import { type ActorRef, actorRef } from '../access/actor';
import type { RequestContext } from '../access/request-context';
import type { AgentSignals } from '../balancing/strategy';
import { notFound } from '../errors';
import type { AnyBusEvent } from '../events';
import type { Clock, Logger, Store } from '../ports';
import { BreakerBoard } from './breaker-board';
import { agentBreakerKey, runtimeBreakerKey } from './breaker-keys';
import type { BreakerSnapshot, BreakerTransition } from './circuit-breaker';

export type BreakerScope = 'agent' | 'runtime';

/**
 * Circuit breakers wired to the fleet: fed by every finished attempt (from any replica, via the
 * event log), consulted by routing, and persisted on every transition (the database logs each
 * one as `breaker:changed`). Operator actions are replayed by the other replicas from the log.
 */
export class BreakerService {
  readonly board: BreakerBoard;
  private readonly runtimes = new Map<string, string>();
  private remote = false;
  /** Transitions are written in the order they happened; operator actions wait for theirs. */
  private written: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    clock: Clock,
    private readonly log: Logger,
    coolDownMs: number,
    /** Runs the write of a transition the breaker made on its own (no operator): once cluster-wide. */
    private readonly recordOwn: (write: () => Promise<void>) => Promise<unknown> = (write) => write(),
  ) {
    this.board = new BreakerBoard({
      clock,
      policy: { coolDownMs, maxCoolDownMs: Math.max(coolDownMs, 300_000) },
      onTransition: (t) => {
        if (this.remote) return; // another replica recorded and announced it
        this.written = this.written.then(() => this.persist(t));
      },
      onError: (err) => this.log.error({ err }, 'breaker transition not recorded'),
    });
  }

  /** The roster tells which runtime each agent belongs to (its runtime breaker). */
  observe(agents: readonly { id: string; runtime: string }[]): void {
    for (const a of agents) this.runtimes.set(a.id, a.runtime);
  }

  /** Routing sees a breaker that is not closed as the agent's `breaker` signal. */
  decorate(agentId: string, signals: AgentSignals): AgentSignals {
    const r = this.board.routable(agentId, this.runtimeOf(agentId));
    return r.state === 'closed' ? signals : { ...signals, breaker: r.state };
  }

  /** The dispatcher assigned work to this agent: a half-open breaker lets this one probe through. */
  assigned(agentId: string): void {
    if (this.board.routable(agentId, this.runtimeOf(agentId)).state === 'half-open')
      this.board.claimProbe(agentId, this.runtimeOf(agentId));
  }

  async onEvent(e: AnyBusEvent): Promise<void> {
    if (e.name === 'task:completed' && e.payload.status !== 'cancelled')
      await this.outcome(e.payload.agentId, e.payload.status === 'succeeded', false);
    else if ((e.name === 'task:retrying' || e.name === 'task:dead-lettered') && e.payload.agentId)
      await this.outcome(e.payload.agentId, false, false);
    // Requeued at once: the agent was lost, went silent or never accepted; that is the agent's own record.
    else if (e.name === 'task:requeued' && e.payload.agentId) await this.outcome(e.payload.agentId, false, true);
    else if (e.name === 'breaker:changed' && e.payload.by) this.replay(e.payload.key, e.payload.to, e.payload.by);
    else if (e.name === 'agent:deregistered') this.board.forget(e.payload.agentId);
  }

  refresh(): void {
    this.board.refresh();
  }

  async view(
    agentId: string,
  ): Promise<{ agent: BreakerSnapshot; runtime: BreakerSnapshot | null; history: BreakerTransition[] }> {
    const { runtime } = await this.known(agentId);
    const keys = [agentBreakerKey(agentId), runtimeBreakerKey(runtime)];
    return {
      agent: this.board.snapshot(keys[0]),
      runtime: this.board.snapshot(keys[1]),
      history: await this.store.breakers.history(keys, 50),
    };
  }

  /** Answers once the transition is in the history, so a read right after the action sees it. */
  async reset(req: RequestContext, agentId: string, scope: BreakerScope): Promise<BreakerSnapshot> {
    const snapshot = this.board.reset(this.keyFor(await this.known(agentId), scope), actorRef(req.actor));
    await this.written;
    return snapshot;
  }

  async forceOpen(req: RequestContext, agentId: string, scope: BreakerScope): Promise<BreakerSnapshot> {
    const snapshot = this.board.forceOpen(this.keyFor(await this.known(agentId), scope), actorRef(req.actor));
    await this.written;
    return snapshot;
  }

  /** What routing sees of this agent's breakers (its own, or its runtime's when that one is open). */
  stateOf(agent: { id: string; runtime: string }): BreakerSnapshot['state'] {
    return this.board.routable(agent.id, agent.runtime).state;
  }

  private keyFor(agent: { id: string; runtime: string }, scope: BreakerScope): string {
    return scope === 'agent' ? agentBreakerKey(agent.id) : runtimeBreakerKey(agent.runtime);
  }

  /** The agent (its runtime names its runtime breaker), or NOT_FOUND. */
  private async known(agentId: string): Promise<{ id: string; runtime: string }> {
    const agent = await this.store.agents.get(agentId);
    if (!agent) throw notFound('agent', agentId);
    this.runtimes.set(agent.id, agent.runtime);
    return agent;
  }

  private runtimeOf(agentId: string): string {
    return this.runtimes.get(agentId) ?? 'unknown';
  }

  private async outcome(agentId: string, ok: boolean, agentOnly: boolean): Promise<void> {
    if (!this.runtimes.has(agentId)) await this.known(agentId).catch(() => undefined);
    this.board.recordOutcome({ agentId, runtime: this.runtimeOf(agentId), ok, agentOnly });
  }

  /** Another replica's operator action: apply it here without recording or announcing it again. */
  private replay(key: string, to: string, by: ActorRef): void {
    if (this.board.state(key) === to) return;
    this.remote = true;
    try {
      if (to === 'closed') this.board.reset(key, by);
      else if (to === 'open') this.board.forceOpen(key, by);
    } finally {
      this.remote = false;
    }
  }

  /** The history row; the database writes its `breaker:changed` event with it. */
  private async persist(t: BreakerTransition): Promise<void> {
    try {
      const write = () => this.store.breakers.record(t);
      await (t.by ? write() : this.recordOwn(write));
    } catch (err) {
      this.log.error({ err, key: t.key }, 'breaker transition not recorded');
    }
  }
}
