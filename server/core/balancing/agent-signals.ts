import { median } from '../shared/top-k';
import { NEUTRAL_SIGNALS, type AgentSignals } from './strategy';

export interface Outcome {
  ok: boolean;
  /** How long the attempt ran; null when unknown (e.g. lost before it started). */
  durationMs: number | null;
  /** When it finished; orders the window when reports arrive late. */
  at: number;
}

export interface AgentSignalsOptions {
  /** Outcomes kept per agent (success rate and latency are over these). */
  window?: number;
  /** Context keys kept per agent, most recent first. */
  contextKeysPerAgent?: number;
  /** Agents tracked at most; the least recently updated is dropped beyond it. */
  maxAgents?: number;
}

interface Entry {
  outcomes: Outcome[];
  contextKeys: string[];
  health: number;
  breaker: AgentSignals['breaker'];
}

/**
 * What routing knows about each agent beyond its row, in memory and bounded: recent outcomes,
 * held context keys (with a reverse index so holders of a key are one lookup), health and
 * breaker state. Lost on restart, which only costs routing quality until traffic refills it.
 */
export class AgentSignalsTracker {
  private readonly window: number;
  private readonly keysPerAgent: number;
  private readonly maxAgents: number;
  // Map order is update order, so the first entry is the one to drop.
  private readonly agents = new Map<string, Entry>();
  private readonly holders = new Map<string, Set<string>>();
  // Summaries kept apart for the hot path (one lookup per agent per decision); rebuilt on every
  // change, never mutated, as a decision record may keep a reference.
  private readonly current = new Map<string, AgentSignals>();

  constructor(options: AgentSignalsOptions = {}) {
    this.window = options.window ?? 20;
    this.keysPerAgent = options.contextKeysPerAgent ?? 8;
    this.maxAgents = options.maxAgents ?? 50_000;
  }

  recordOutcome(agentId: string, outcome: Outcome): void {
    this.update(agentId, (e) => {
      let at = e.outcomes.length;
      while (at > 0 && e.outcomes[at - 1].at > outcome.at) at--;
      e.outcomes.splice(at, 0, { ...outcome });
      if (e.outcomes.length > this.window) e.outcomes.splice(0, e.outcomes.length - this.window);
    });
  }

  recordContext(agentId: string, contextKey: string): void {
    this.update(agentId, (e) => {
      const keys = e.contextKeys.filter((k) => k !== contextKey);
      keys.unshift(contextKey);
      for (const dropped of keys.splice(this.keysPerAgent)) this.unindex(dropped, agentId);
      e.contextKeys = keys;
      let set = this.holders.get(contextKey);
      if (!set) this.holders.set(contextKey, (set = new Set()));
      set.add(agentId);
    });
  }

  /** 0..1: 1 when heartbeats are on time. */
  setHealth(agentId: string, health: number): void {
    this.update(agentId, (e) => {
      e.health = Number.isFinite(health) ? Math.min(1, Math.max(0, health)) : 0;
    });
  }

  setBreaker(agentId: string, state: AgentSignals['breaker']): void {
    this.update(agentId, (e) => {
      e.breaker = state;
    });
  }

  forget(agentId: string): void {
    const e = this.agents.get(agentId);
    if (!e) return;
    for (const k of e.contextKeys) this.unindex(k, agentId);
    this.agents.delete(agentId);
    this.current.delete(agentId);
  }

  /** Neutral signals for an agent never seen. Cheap: no copy, the object is never mutated. */
  signals(agentId: string): AgentSignals {
    return this.current.get(agentId) ?? NEUTRAL_SIGNALS;
  }

  /** Ids of the agents holding `contextKey`, in no particular order. */
  holdersOf(contextKey: string): string[] {
    const set = this.holders.get(contextKey);
    return set ? [...set] : [];
  }

  get size(): number {
    return this.agents.size;
  }

  private update(agentId: string, change: (e: Entry) => void): void {
    const e = this.agents.get(agentId) ?? { outcomes: [], contextKeys: [], health: 1, breaker: 'closed' };
    change(e);
    this.current.set(agentId, summarise(e));
    this.agents.delete(agentId);
    this.agents.set(agentId, e);
    if (this.agents.size > this.maxAgents) this.forget(this.agents.keys().next().value as string);
  }

  private unindex(contextKey: string, agentId: string): void {
    const set = this.holders.get(contextKey);
    if (!set) return;
    set.delete(agentId);
    if (!set.size) this.holders.delete(contextKey);
  }
}

function summarise(e: Entry): AgentSignals {
  const n = e.outcomes.length;
  const ok = e.outcomes.filter((o) => o.ok);
  const durations = ok.flatMap((o) => (o.durationMs === null ? [] : [o.durationMs]));
  return {
    contextKeys: [...e.contextKeys],
    successRate: n ? ok.length / n : null,
    latencyMs: median(durations),
    health: e.health,
    breaker: e.breaker,
  };
}
