import { contextRatio, type ContextPolicy } from '../context/context-policy';
import type { Agent } from '../model';

const pct = (r: number) => `${Math.round(r * 100)} %`;

/**
 * Why an agent whose state takes work still takes nothing new: its worker is shutting down, a
 * rate limit not yet lifted, or a context window too full. Null when it can take work.
 */
export function holdReason(
  agent: Pick<Agent, 'activity' | 'parkedUntil' | 'contextUsed' | 'contextWindow'>,
  now: number,
  policy: ContextPolicy,
): string | null {
  // A stopping worker polls no more: work routed to it would wait out the accept deadline.
  if (agent.activity?.state === 'stopping') return 'stopping (its worker is shutting down)';
  if (agent.parkedUntil && agent.parkedUntil > now)
    return `rate-limited until ${new Date(agent.parkedUntil).toISOString().slice(11, 19)} UTC`;
  const ratio = contextRatio(agent.contextUsed, agent.contextWindow);
  if (ratio === null) return null;
  if (ratio >= policy.fullAt) return `context full (${pct(ratio)})`;
  if (ratio >= policy.consolidateAt) return `consolidating context (${pct(ratio)})`;
  return null;
}

/** Marks each agent's hold for this pass (on the roster rows the pass owns). */
export function markHolds(roster: readonly Agent[], now: number, policy: ContextPolicy): void {
  for (const a of roster) a.hold = holdReason(a, now, policy);
}

/** The kind of hold, for counting agents in a pending reason (`stopping`, `rate-limited`, `context full`…). */
export const holdLabel = (reason: string): string => reason.replace(/ (until|\().*$/, '');
