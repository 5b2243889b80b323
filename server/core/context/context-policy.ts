/**
 * Context-window thresholds. At `consolidateAt` an agent is asked to consolidate (compact its
 * conversation or start a fresh one) and takes no new work until its usage drops below; at
 * `fullAt` it takes nothing new whatever it does.
 */
export interface ContextPolicy {
  consolidateAt: number;
  fullAt: number;
}

export const DEFAULT_CONTEXT_POLICY: ContextPolicy = { consolidateAt: 0.85, fullAt: 0.95 };

/** Used share of the window, or null when the agent reports none. */
export function contextRatio(used: number | null, window: number | null): number | null {
  if (used == null || !window) return null;
  return Math.min(1, Math.max(0, used / window));
}

export function needsConsolidation(used: number | null, window: number | null, policy: ContextPolicy): boolean {
  const ratio = contextRatio(used, window);
  return ratio !== null && ratio >= policy.consolidateAt;
}
