export interface RecoveryOptions {
  /** Completions per second are measured over this long before the fault. */
  baselineMs?: number;
  /** …and over sliding windows this long after the service is back. */
  windowMs?: number;
  stepMs?: number;
  /** Back to this share of the pre-fault rate counts as recovered. */
  share?: number;
}

export interface Recovery {
  baselinePerSecond: number;
  /** From `backAt` to the first completion of the first window back at `share` of the baseline; null if none. */
  recoveryMs: number | null;
}

/**
 * Throughput recovery from completion timestamps (ms, any order): the first window starting at
 * or after `backAt` whose rate is at least half (by default) the rate just before `faultAt`.
 * Needs work waiting after the fault (a paced workload), or there is nothing to recover to.
 */
export function throughputRecovery(
  times: readonly number[],
  faultAt: number,
  backAt: number,
  opts: RecoveryOptions = {},
): Recovery {
  const { baselineMs = 2_000, windowMs = 1_000, stepMs = 50, share = 0.5 } = opts;
  const sorted = [...times].sort((a, b) => a - b);
  const count = (from: number, to: number) => lowerBound(sorted, to) - lowerBound(sorted, from);
  const baselinePerSecond = count(faultAt - baselineMs, faultAt) / (baselineMs / 1000);
  const last = sorted.at(-1) ?? backAt;
  if (baselinePerSecond === 0) return { baselinePerSecond, recoveryMs: null };
  for (let t = backAt; t <= last; t += stepMs) {
    // Measured to the window's first completion, not its start: a burst late in a window is not "at once".
    if (count(t, t + windowMs) / (windowMs / 1000) >= share * baselinePerSecond)
      return { baselinePerSecond, recoveryMs: sorted[lowerBound(sorted, t)] - backAt };
  }
  return { baselinePerSecond, recoveryMs: null };
}

/** Index of the first element ≥ x. */
function lowerBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The longest stretch without a completion between `from` and `to`: how long the fault stalled work. */
export function longestGap(times: readonly number[], from: number, to: number): number {
  const inside = [from, ...times.filter((t) => t > from && t < to).sort((a, b) => a - b), to];
  let gap = 0;
  for (let i = 1; i < inside.length; i++) gap = Math.max(gap, inside[i] - inside[i - 1]);
  return gap;
}
