import type { AgentSignals } from '@/server/core/balancing/strategy';
import type { Capability } from '@/server/core/model';
import type { CandidateSnapshot } from '@/server/core/scheduler/decide';
import { fromJson } from './rows';

/**
 * Replay inputs are written with every decision, so they are stored as compact tuples instead
 * of objects (about a quarter of the bytes, which PGlite serialises and parses on our thread):
 * `[agentId, [capability, level]…, successRate, latencyMs, health, breaker, contextKeys]`.
 */
type Packed = [string, [string, number][], number | null, number | null, number, 0 | 1 | 2, string[]];

const BREAKERS: AgentSignals['breaker'][] = ['closed', 'half-open', 'open'];

export function packReplayInputs(snapshot: readonly CandidateSnapshot[] | undefined): string | null {
  if (!snapshot) return null;
  return JSON.stringify(
    snapshot.map((s): Packed => [
      s.agentId,
      s.capabilities.map((c) => [c.name, c.level]),
      s.signals.successRate,
      s.signals.latencyMs,
      s.signals.health,
      BREAKERS.indexOf(s.signals.breaker) as 0 | 1 | 2,
      s.signals.contextKeys,
    ]),
  );
}

/** Reads both the packed form and plain snapshot objects. */
export function unpackReplayInputs(raw: unknown): CandidateSnapshot[] {
  const value = fromJson<unknown>(raw);
  if (!Array.isArray(value)) return [];
  return value.map((v) => {
    if (!Array.isArray(v)) return v as CandidateSnapshot;
    const [agentId, caps, successRate, latencyMs, health, breaker, contextKeys] = v as Packed;
    const capabilities: Capability[] = caps.map(([name, level]) => ({ name, level }));
    return {
      agentId,
      capabilities,
      signals: { successRate, latencyMs, health, breaker: BREAKERS[breaker] ?? 'closed', contextKeys },
    };
  });
}
