import { formatNumber } from '@/components/ui/format';

export interface RoutingPolicyState {
  strategy: string;
  /** Every weight in force, defaults included. */
  weights: Record<string, number>;
}

/** The weights that differ, as `load 3 → 5, health 1 → 0`. */
export function weightChanges(before: Record<string, number>, after: Record<string, number>): string {
  return Object.keys(after)
    .filter((k) => before[k] !== after[k])
    .map((k) => `${k} ${before[k] === undefined ? '—' : formatNumber(before[k], 4)} → ${formatNumber(after[k], 4)}`)
    .join(', ');
}

/** What a routing change did, for its notice: "Routing switched to least-loaded", "Routing weights of composite changed: load 3 → 5". */
export function describeRoutingChange(before: RoutingPolicyState, after: RoutingPolicyState): string {
  if (before.strategy !== after.strategy) return `Routing switched to ${after.strategy}`;
  const changes = weightChanges(before.weights, after.weights);
  return changes
    ? `Routing weights of ${after.strategy} changed: ${changes}`
    : `Routing kept ${after.strategy}, weights unchanged`;
}
