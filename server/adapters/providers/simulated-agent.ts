import type { Clock, Logger } from '@/server/core/ports';
import type { ManagedAgentSpec } from '@/server/core/pools/ports';
import { pause, withScopedSignal } from './scoped-signal';
import { OutputLines } from './output-lines';
import type { SimulatedActivity, SimulatedHeartbeatAnswer, SimulatedHost, SimulatedSettings } from './simulated-host';
import { runSimulatedTask } from './simulated-task';

export interface SimulatedAgentDeps {
  host: () => SimulatedHost;
  clock: Clock;
  /** Uniform in [0, 1); seeded in tests. */
  random: () => number;
  log?: Logger;
}

/** How long a held-back poll loop waits before looking again (asleep, parked, rate-limited, compacting). */
const RECHECK_MS = 100;
const POLL_WAIT_MS = 10_000;
/** A host that answers an empty poll at once must not make the loop spin. */
const EMPTY_POLL_PAUSE_MS = 250;

/**
 * One in-process agent: a heartbeat loop and `concurrency` poll loops working tasks through
 * the host. It honours the server's answers: sleeping, parked, consolidate, terminated.
 */
export class SimulatedAgent {
  readonly output = new OutputLines(200);
  running = false;
  activity: SimulatedActivity = { state: 'idle' };
  contextUsed: number;
  active = 0;
  /** Polling waits until then: a rate limit is in force. */
  pausedUntil = 0;
  /** Ends polls and idle waits: no new work. */
  readonly noNewWork = new AbortController();
  /** Ends tasks in flight, which then hand their work back. */
  readonly abandon = new AbortController();
  private readonly halt = new AbortController();
  private sleeping = false;
  private parkedUntil = 0;
  private compacting = false;
  private pollLoops: Promise<void>[] = [];
  private heartbeats: Promise<void> | null = null;
  private stopping: Promise<void> | null = null;

  constructor(
    readonly spec: ManagedAgentSpec,
    readonly settings: SimulatedSettings,
    readonly deps: SimulatedAgentDeps,
  ) {
    this.contextUsed = Math.round(settings.contextWindow * 0.02);
  }

  start(): void {
    this.running = true;
    this.note(`started: ${this.spec.concurrency} slot(s), capabilities ${this.spec.capabilities.join(', ') || 'none'}`);
    // The first heartbeat comes before the first poll: it tells a sleeping or parked agent so.
    const firstBeat = this.beat();
    this.heartbeats = firstBeat.then(() => this.heartbeatLoop());
    this.pollLoops = Array.from({ length: Math.max(1, this.spec.concurrency) }, () =>
      firstBeat.then(() => this.pollLoop()),
    );
  }

  /** Takes no new work, lets tasks in hand finish for up to `graceMs`, then hands the rest back. */
  stop(graceMs: number): Promise<void> {
    return (this.stopping ??= this.shutdown(graceMs));
  }

  note(text: string): void {
    this.output.line(`${new Date(this.deps.clock.now()).toISOString()} ${text}`);
    this.deps.log?.debug({ agentId: this.spec.agentId }, text);
  }

  setActivity(activity: SimulatedActivity, reportNow = false): void {
    this.activity = activity;
    if (reportNow) void this.beat();
  }

  /** Context grows with every task, never past the window. */
  addContext(tokens: number): void {
    this.contextUsed = Math.min(this.settings.contextWindow, this.contextUsed + tokens);
  }

  sleep(ms: number, signal: AbortSignal): Promise<void> {
    return pause(this.deps.clock, ms, signal);
  }

  host(): SimulatedHost {
    return this.deps.host();
  }

  private async shutdown(graceMs: number): Promise<void> {
    this.noNewWork.abort();
    const graceOver = new AbortController();
    const drained = Promise.all(this.pollLoops).then(() => graceOver.abort());
    await this.deps.clock.sleep(Math.max(0, graceMs), graceOver.signal);
    this.abandon.abort();
    await drained;
    this.halt.abort();
    await this.heartbeats;
    this.running = false;
    this.activity = { state: 'done' };
    this.note('stopped');
  }

  private async heartbeatLoop(): Promise<void> {
    for (;;) {
      await this.sleep(this.settings.heartbeatIntervalMs, this.halt.signal);
      if (this.halt.signal.aborted) return;
      await this.beat();
    }
  }

  private async beat(): Promise<void> {
    if (this.halt.signal.aborted) return;
    try {
      const answer = await this.host().heartbeat(this.spec.agentId, {
        load: this.active / Math.max(1, this.spec.concurrency),
        contextUsed: this.contextUsed,
        contextWindow: this.settings.contextWindow,
        activity: this.activity,
      });
      this.follow(answer);
    } catch (e) {
      this.note(`heartbeat failed: ${(e as Error).message}`);
    }
  }

  private follow(answer: SimulatedHeartbeatAnswer): void {
    if (answer.status === 'terminated') {
      this.note('terminated by the server');
      void this.stop(0);
      return;
    }
    const sleeping = answer.status === 'sleeping';
    if (sleeping !== this.sleeping) this.note(sleeping ? 'asleep: taking no work' : 'awake');
    this.sleeping = sleeping;
    this.parkedUntil = answer.parkedUntil ?? 0;
    if (answer.consolidate && !this.compacting) void this.compact();
  }

  /** Waits for the tasks in hand, then shrinks the context to about a tenth of the window. */
  private async compact(): Promise<void> {
    this.compacting = true;
    this.note('consolidation asked: finishing tasks in hand first');
    while (this.active > 0 && !this.halt.signal.aborted) await this.sleep(RECHECK_MS, this.halt.signal);
    const before = this.contextUsed;
    this.setActivity({ state: 'working', detail: 'compacting context' }, true);
    await this.sleep(this.settings.latencyMs.min, this.halt.signal);
    this.contextUsed = Math.min(before, Math.round(this.settings.contextWindow * 0.1));
    this.note(`compacted context: ${before} -> ${this.contextUsed} tokens`);
    this.activity = { state: 'idle' };
    this.compacting = false;
    await this.beat();
  }

  private heldBack(): boolean {
    const now = this.deps.clock.now();
    if (this.activity.state === 'rate-limited' && now >= this.pausedUntil) {
      this.note('rate limit lifted');
      this.setActivity({ state: this.active ? 'working' : 'idle' }, true);
    }
    return this.sleeping || this.compacting || now < this.pausedUntil || now < this.parkedUntil;
  }

  private async pollLoop(): Promise<void> {
    const signal = this.noNewWork.signal;
    while (!signal.aborted) {
      if (this.heldBack()) {
        await this.sleep(RECHECK_MS, signal);
        continue;
      }
      const asked = this.deps.clock.now();
      let task;
      try {
        task = await withScopedSignal(signal, (s) =>
          this.host().poll(this.spec.agentId, { waitMs: POLL_WAIT_MS, start: true }, s),
        );
      } catch (e) {
        if (signal.aborted) break;
        this.note(`poll failed: ${(e as Error).message}`);
        await this.sleep(1_000, signal);
        continue;
      }
      if (!task) {
        if (this.deps.clock.now() - asked < EMPTY_POLL_PAUSE_MS / 5) await this.sleep(EMPTY_POLL_PAUSE_MS, signal);
        continue;
      }
      await runSimulatedTask(this, task);
    }
  }
}
