import type { AgentLogEntry } from './agent-log';
import { check, type Check } from './scenario';

/** What the agents had to retry between `from` and `to`, by kind ("503 SERVICE_UNAVAILABLE": 41). */
export function retriesBetween(entries: readonly AgentLogEntry[], from: number, to: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of entries) if (e.e === 'retry' && e.at >= from && e.at <= to) out[e.what] = (out[e.what] ?? 0) + 1;
  return out;
}

/**
 * While a service is away the server should say so (503, to be retried) or not answer at all;
 * a 500 means an error escaped as "internal".
 */
export function noInternalErrors(entries: readonly AgentLogEntry[], from: number, to: number): Check {
  const seen = retriesBetween(entries, from, to);
  const internal = Object.keys(seen).filter((k) => /^5\d\d /.test(k) && !k.startsWith('503 '));
  const list =
    Object.entries(seen)
      .map(([k, n]) => `${k} ×${n}`)
      .join(', ') || 'no retries';
  return check('agents got 503 or no answer, never 500', internal.length === 0, `retried during the outage: ${list}`);
}
