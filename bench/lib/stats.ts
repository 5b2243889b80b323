/** Latency summary in milliseconds, nearest-rank percentiles. */
export interface Summary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarise(samples: number[]): Summary {
  const sorted = Float64Array.from(samples).sort();
  const s = Array.from(sorted);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    count: s.length,
    p50: round(percentile(s, 50)),
    p95: round(percentile(s, 95)),
    p99: round(percentile(s, 99)),
    max: round(s.length ? s[s.length - 1] : NaN),
    mean: round(s.length ? s.reduce((a, b) => a + b, 0) / s.length : NaN),
  };
}
