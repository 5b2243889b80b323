import { BreakerPolicyInput, formatDuration, formatPercent, type BreakerPolicy } from './breaker-policy';
import { type ActorRef, describeActor } from '../access/actor';
import { OutcomeWindow } from './outcome-window';

export type BreakerState = 'closed' | 'half-open' | 'open';

export interface BreakerTransition {
  key: string;
  from: BreakerState;
  to: BreakerState;
  /** For operators: "11 of 20 calls failed (55 %)", "probe succeeded", "reset by alice". */
  reason: string;
  at: number;
  /** Who acted, for reset and force-open. */
  by?: ActorRef;
}

export interface BreakerSnapshot {
  key: string;
  state: BreakerState;
  /** Reason of the last transition; null while it never left closed. */
  reason: string | null;
  /** When it entered its state; null while it never left closed. */
  since: number | null;
  calls: number;
  failures: number;
  /** Failed share of the window; null while empty. */
  failureRate: number | null;
  consecutiveFailures: number;
  openedAt: number | null;
  /** When it turns half-open; null unless open, and while forced open. */
  reopensAt: number | null;
  /** Cool-down of the current open period, or of the next one. */
  coolDownMs: number;
  probeInFlight: boolean;
  /** The operator who forced it open; it stays open until reset. */
  forcedBy: ActorRef | null;
}

export interface CircuitBreakerOptions {
  key: string;
  now: () => number;
  policy?: BreakerPolicyInput;
  /** Called synchronously after each transition, the breaker already in its new state. */
  onTransition?: (t: BreakerTransition) => void;
  /**
   * Opening needs failures from at least `min` distinct sources in the window, e.g. 2 agents for
   * a runtime's breaker, so one bad agent cannot shut off its whole runtime.
   */
  sources?: { min: number; noun: string };
}

/**
 * One circuit breaker, pure: time comes from `now()`, and open turns half-open lazily when read
 * after the cool-down. In half-open one probe may run and its outcome decides: success closes
 * (window cleared, cool-down back to its first value), failure reopens with the cool-down doubled.
 */
export class CircuitBreaker {
  readonly key: string;
  readonly policy: BreakerPolicy;
  private readonly now: () => number;
  private readonly onTransition?: (t: BreakerTransition) => void;
  private readonly sources?: { min: number; noun: string };
  private readonly window: OutcomeWindow;
  private current: BreakerState = 'closed';
  private reason: string | null = null;
  private since: number | null = null;
  private coolDownMs: number;
  private openedAt: number | null = null;
  private probe = false;
  private probeSource: string | undefined;
  private forcedBy: ActorRef | null = null;

  constructor(options: CircuitBreakerOptions) {
    this.key = options.key;
    this.now = options.now;
    this.onTransition = options.onTransition;
    this.sources = options.sources;
    this.policy = BreakerPolicyInput.parse(options.policy ?? {});
    this.window = new OutcomeWindow(this.policy.window);
    this.coolDownMs = this.policy.coolDownMs;
  }

  state(): BreakerState {
    this.advance();
    return this.current;
  }

  /** Whether a new call may start now: closed, or half-open with the probe still free. */
  allows(): boolean {
    const s = this.state();
    return s === 'closed' || (s === 'half-open' && !this.probe);
  }

  /** Claims the half-open probe for `source`; false when not half-open or a probe already runs. */
  tryAcquireProbe(source?: string): boolean {
    if (this.state() !== 'half-open' || this.probe) return false;
    this.probe = true;
    this.probeSource = source;
    return true;
  }

  /** Frees a claimed probe whose call never started (e.g. the assignment lost a race). */
  releaseProbe(): void {
    this.probe = false;
  }

  /**
   * One finished call. In half-open the probe's source decides, or while no probe runs the first
   * outcome: a call started before the opening but finished after the cool-down is news too.
   */
  record(ok: boolean, source?: string): void {
    const state = this.state();
    this.window.record(ok, source);
    if (state === 'half-open' && this.probe && this.probeSource !== undefined && source !== this.probeSource) return;
    if (state === 'closed') {
      // Checked after successes too: the window may just have reached `minCalls`.
      const reason = this.tripReason();
      if (reason) this.open(reason, this.coolDownMs);
    } else if (state === 'half-open') {
      this.probe = false;
      if (ok) this.close('probe succeeded');
      else {
        const next = Math.min(this.policy.maxCoolDownMs, this.coolDownMs * 2);
        this.open(`probe failed; cool-down now ${formatDuration(next)}`, next);
      }
    }
    // While open, late outcomes only update the counts shown on the agent page.
  }

  /** Operator: closed with a fresh window and the first cool-down, forced or not. */
  reset(by: ActorRef): void {
    this.close(`reset by ${describeActor(by)}`, by);
  }

  /** Operator: open, and no cool-down ends it; only `reset` does. */
  forceOpen(by: ActorRef): void {
    this.forcedBy = by;
    this.probe = false;
    this.openedAt = this.now();
    this.set('open', `forced open by ${describeActor(by)}`, this.openedAt, by);
  }

  snapshot(): BreakerSnapshot {
    const state = this.state();
    const w = this.window;
    return {
      key: this.key,
      state,
      reason: this.reason,
      since: this.since,
      calls: w.calls,
      failures: w.failures,
      failureRate: w.failureRate,
      consecutiveFailures: w.consecutiveFailures,
      openedAt: this.openedAt,
      reopensAt: this.reopensAt(),
      coolDownMs: this.coolDownMs,
      probeInFlight: this.probe,
      forcedBy: this.forcedBy,
    };
  }

  private reopensAt(): number | null {
    return this.current === 'open' && this.forcedBy === null && this.openedAt !== null
      ? this.openedAt + this.coolDownMs
      : null;
  }

  private advance(): void {
    const at = this.reopensAt();
    if (at === null || this.now() < at) return;
    // Stamped with when the cool-down ended, not when someone happened to look.
    this.set('half-open', `cool-down ${formatDuration(this.coolDownMs)} elapsed`, at);
  }

  private tripReason(): string | null {
    const { calls, failures, consecutiveFailures } = this.window;
    const p = this.policy;
    const reason =
      calls >= p.minCalls && failures / calls >= p.failureRate
        ? `${failures} of ${calls} calls failed (${formatPercent(failures / calls)})`
        : consecutiveFailures >= p.consecutiveFailures
          ? `${consecutiveFailures} consecutive failures`
          : null;
    if (!reason || !this.sources) return reason;
    const n = this.window.failingSources(); // O(window), and only once a threshold is met
    return n >= this.sources.min ? `${reason} across ${n} ${this.sources.noun}` : null;
  }

  private open(reason: string, coolDownMs: number): void {
    this.coolDownMs = coolDownMs;
    this.openedAt = this.now();
    this.set('open', reason, this.openedAt);
  }

  private close(reason: string, by?: ActorRef): void {
    this.window.clear();
    this.coolDownMs = this.policy.coolDownMs;
    this.openedAt = null;
    this.forcedBy = null;
    this.probe = false;
    this.set('closed', reason, this.now(), by);
  }

  private set(to: BreakerState, reason: string, at: number, by?: ActorRef): void {
    const from = this.current;
    this.current = to;
    this.reason = reason;
    this.since = at;
    this.onTransition?.({ key: this.key, from, to, reason, at, ...(by === undefined ? {} : { by }) });
  }
}
