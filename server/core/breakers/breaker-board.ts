import type { ActorRef } from '../access/actor';
import { invalid } from '../errors';
import type { Clock } from '../ports';
import { agentBreakerKey, parseBreakerKey, runtimeBreakerKey, type BreakerKind } from './breaker-keys';
import { BreakerPolicyInput, type BreakerPolicy } from './breaker-policy';
import { CircuitBreaker, type BreakerSnapshot, type BreakerState, type BreakerTransition } from './circuit-breaker';

/** Whether routing may send work: `half-open` means only as the probe (see `claimProbe`). */
export interface Routability {
  state: BreakerState;
  /** For the decision record, unless closed: "agent breaker open: 5 consecutive failures". */
  reason?: string;
}

export interface BreakerBoardOptions {
  clock: Pick<Clock, 'now'>;
  policy?: BreakerPolicyInput;
  /** For `runtime:` breakers; `policy` unless given. */
  runtimePolicy?: BreakerPolicyInput;
  /**
   * Failing agents a runtime's breaker needs in its window to open (default 2): one bad agent
   * is its own breaker's business and must not shut off every agent of its runtime.
   */
  runtimeMinAgents?: number;
  /** Breakers kept at most; beyond it the least recently used closed one goes. */
  maxBreakers?: number;
  /** Transitions kept per breaker for the agent page. */
  historyPerKey?: number;
  /** Every transition: persist and announce it, and `AgentSignalsTracker.setBreaker` for agent keys. */
  onTransition?: (t: BreakerTransition) => void;
  /** A throwing `onTransition` lands here; it never fails the dispatch or report that caused it. */
  onError?: (error: unknown, t: BreakerTransition) => void;
}

interface Entry {
  breaker: CircuitBreaker;
  history: BreakerTransition[];
}

const CLOSED: Routability = Object.freeze({ state: 'closed' });
// How far eviction looks for a closed breaker before it settles for the oldest one.
const EVICT_SCAN = 64;

/**
 * The circuit breakers of every agent (`agent:<id>`) and runtime/provider label (`runtime:<label>`),
 * created on first use. A "call" is one finished attempt on that agent: success, or failure
 * including lost and timed out; not HTTP calls. Each outcome feeds the agent's and its runtime's.
 */
export class BreakerBoard {
  private readonly policy: BreakerPolicy;
  private readonly runtimePolicy: BreakerPolicy;
  private readonly runtimeSources?: { min: number; noun: string };
  private readonly now: () => number;
  private readonly maxBreakers: number;
  private readonly historyPerKey: number;
  // Map order is use order, so eviction starts from the front.
  private readonly entries = new Map<string, Entry>();
  // Keys not closed: all routing needs to look at, and what `refresh` walks.
  private readonly notClosed = new Set<string>();
  private transitions = 0;

  constructor(private readonly options: BreakerBoardOptions) {
    this.policy = BreakerPolicyInput.parse(options.policy ?? {});
    this.runtimePolicy = options.runtimePolicy ? BreakerPolicyInput.parse(options.runtimePolicy) : this.policy;
    const minAgents = options.runtimeMinAgents ?? 2;
    if (minAgents > 1) this.runtimeSources = { min: minAgents, noun: 'agents' };
    this.now = () => options.clock.now();
    this.maxBreakers = Math.max(1, options.maxBreakers ?? 50_000);
    this.historyPerKey = Math.max(1, options.historyPerKey ?? 50);
  }

  /**
   * `agentOnly`: a failure that says something about the agent, not its runtime or provider
   * (it went silent, never accepted): a mass kill of agents must not shut off their healthy peers.
   */
  recordOutcome(outcome: { agentId: string; runtime: string; ok: boolean; agentOnly?: boolean }): void {
    this.entry(agentBreakerKey(outcome.agentId)).breaker.record(outcome.ok);
    if (outcome.agentOnly) return;
    this.entry(runtimeBreakerKey(outcome.runtime)).breaker.record(outcome.ok, outcome.agentId);
  }

  /** Open if either breaker is open (or half-open with its probe taken); cheap while all are closed. */
  routable(agentId: string, runtime: string): Routability {
    if (this.notClosed.size === 0) return CLOSED;
    const agent = this.verdict(agentBreakerKey(agentId), 'agent');
    const rt = this.verdict(runtimeBreakerKey(runtime), `runtime ${runtime}`);
    if (agent.state === 'open') return agent;
    if (rt.state === 'open') return rt;
    return agent.state === 'half-open' ? agent : rt;
  }

  /**
   * Called when the dispatcher really assigns to the agent: claims the probe of each half-open
   * breaker involved, so one task at a time probes. Returns the keys claimed (empty when both are
   * closed), or null when the agent is not routable; pass them to `releaseProbe` if it falls through.
   */
  claimProbe(agentId: string, runtime: string): string[] | null {
    const keys = [agentBreakerKey(agentId), runtimeBreakerKey(runtime)].filter((k) => this.notClosed.has(k));
    const breakers = keys.map((k) => this.entries.get(k)!.breaker);
    if (!breakers.every((b) => b.allows())) return null;
    // A runtime's probe is this agent's next outcome; other agents' stragglers do not decide it.
    return keys.filter((k, i) => breakers[i].tryAcquireProbe(k.startsWith('runtime:') ? agentId : undefined));
  }

  releaseProbe(keys: readonly string[]): void {
    for (const k of keys) this.entries.get(k)?.breaker.releaseProbe();
  }

  /** Turns open breakers whose cool-down ended half-open; for a ticker, so signals see it unasked. */
  refresh(): number {
    const before = this.transitions;
    for (const key of [...this.notClosed]) this.entries.get(key)?.breaker.state();
    return this.transitions - before;
  }

  state(key: string): BreakerState {
    return this.notClosed.has(key) ? this.entries.get(key)!.breaker.state() : 'closed';
  }

  /** A breaker never used reads as closed with an empty window. */
  snapshot(key: string): BreakerSnapshot {
    return (this.entries.get(key)?.breaker ?? this.create(key)).snapshot();
  }

  /** Every breaker kept, in no particular order; `state` narrows it cheaply to the non-closed. */
  list(filter: { state?: BreakerState[]; kind?: BreakerKind } = {}): BreakerSnapshot[] {
    const keys = filter.state && !filter.state.includes('closed') ? this.notClosed : this.entries.keys();
    const prefix = filter.kind ? `${filter.kind}:` : '';
    const out: BreakerSnapshot[] = [];
    for (const key of keys) {
      if (!key.startsWith(prefix)) continue;
      const s = this.entries.get(key)!.breaker.snapshot();
      if (!filter.state || filter.state.includes(s.state)) out.push(s);
    }
    return out;
  }

  /** Transitions of one breaker, newest first. */
  history(key: string, limit = this.historyPerKey): BreakerTransition[] {
    const h = this.entries.get(key)?.history ?? [];
    return h.slice(Math.max(0, h.length - Math.max(0, limit))).reverse();
  }

  /** Operator: closes the breaker with a fresh window; recorded with `by`. */
  reset(key: string, by: ActorRef): BreakerSnapshot {
    const b = this.operated(key);
    b.reset(by);
    return b.snapshot();
  }

  /** Operator: opens the breaker until someone resets it; recorded with `by`. */
  forceOpen(key: string, by: ActorRef): BreakerSnapshot {
    const b = this.operated(key);
    b.forceOpen(by);
    return b.snapshot();
  }

  /** Drops an agent's breaker and history (deregistered); its runtime's breaker stays. */
  forget(agentId: string): void {
    this.drop(agentBreakerKey(agentId));
  }

  get size(): number {
    return this.entries.size;
  }

  private verdict(key: string, label: string): Routability {
    if (!this.notClosed.has(key)) return CLOSED;
    const b = this.entries.get(key)!.breaker;
    const s = b.snapshot();
    if (s.state === 'half-open') {
      return s.probeInFlight
        ? { state: 'open', reason: `${label} breaker half-open: probe in flight` }
        : { state: 'half-open', reason: `${label} breaker half-open: one probe allowed` };
    }
    return s.state === 'open' ? { state: 'open', reason: `${label} breaker open: ${s.reason}` } : CLOSED;
  }

  private operated(key: string): CircuitBreaker {
    if (!parseBreakerKey(key))
      throw invalid(`breaker key must be agent:<id> or runtime:<label>, not "${key}"`, { key });
    return this.entry(key).breaker;
  }

  private entry(key: string): Entry {
    const found = this.entries.get(key);
    if (found) {
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    const e: Entry = { history: [], breaker: this.create(key, (t) => this.transitioned(e, t)) };
    this.entries.set(key, e);
    if (this.entries.size > this.maxBreakers) this.evict(key);
    return e;
  }

  private create(key: string, onTransition?: (t: BreakerTransition) => void): CircuitBreaker {
    const runtime = parseBreakerKey(key)?.kind === 'runtime';
    return new CircuitBreaker({
      key,
      now: this.now,
      onTransition,
      policy: runtime ? this.runtimePolicy : this.policy,
      sources: runtime ? this.runtimeSources : undefined,
    });
  }

  private transitioned(e: Entry, t: BreakerTransition): void {
    this.transitions++;
    e.history.push(t);
    if (e.history.length > this.historyPerKey) e.history.splice(0, e.history.length - this.historyPerKey);
    if (t.to === 'closed') this.notClosed.delete(t.key);
    else this.notClosed.add(t.key);
    try {
      this.options.onTransition?.(t);
    } catch (error) {
      this.options.onError?.(error, t);
    }
  }

  // Prefers a closed breaker: dropping an open one would let a failing agent straight back in.
  private evict(keep: string): void {
    let scanned = 0;
    let fallback: string | null = null;
    for (const key of this.entries.keys()) {
      if (key === keep) continue;
      fallback ??= key;
      if (!this.notClosed.has(key)) return this.drop(key);
      if (++scanned >= EVICT_SCAN) break;
    }
    if (fallback !== null) this.drop(fallback);
  }

  private drop(key: string): void {
    this.entries.delete(key);
    this.notClosed.delete(key);
  }
}
