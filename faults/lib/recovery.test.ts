import { describe, expect, it } from 'vitest';
import { longestGap, throughputRecovery } from './recovery';

/** One completion every `gapMs` from `from` (inclusive) to `to` (exclusive). */
const steady = (from: number, to: number, gapMs: number) =>
  Array.from({ length: Math.ceil((to - from) / gapMs) }, (_, i) => from + i * gapMs);

describe('throughputRecovery', () => {
  it('measures from the service coming back to the first completion of a window at half the old rate', () => {
    // 100/s until the fault at 10 s, nothing until 13 s, then 100/s again from 13.5 s.
    const times = [...steady(0, 10_000, 10), ...steady(13_500, 20_000, 10)];
    const r = throughputRecovery(times, 10_000, 13_000);
    expect(r.baselinePerSecond).toBe(100);
    expect(r.recoveryMs).toBe(500);
  });

  it('counts a trickle below half the rate as not recovered yet', () => {
    const times = [...steady(0, 10_000, 10), ...steady(12_000, 15_000, 50), ...steady(15_000, 20_000, 10)];
    const r = throughputRecovery(times, 10_000, 12_000);
    expect(r.recoveryMs).toBeGreaterThanOrEqual(2_000);
    expect(r.recoveryMs).toBeLessThanOrEqual(3_000);
  });

  it('is null when throughput never comes back, and when there was nothing before the fault', () => {
    expect(throughputRecovery([...steady(0, 10_000, 10), 12_000], 10_000, 11_000).recoveryMs).toBeNull();
    expect(throughputRecovery(steady(12_000, 14_000, 10), 10_000, 11_000).recoveryMs).toBeNull();
  });

  it('accepts timestamps in any order', () => {
    const times = [...steady(0, 10_000, 10), ...steady(13_500, 20_000, 10)].reverse();
    expect(throughputRecovery(times, 10_000, 13_000).recoveryMs).toBe(500);
  });
});

describe('longestGap', () => {
  it('is the longest stretch without a completion inside the range, ends included', () => {
    expect(longestGap([1_000, 1_100, 3_000, 3_100], 1_000, 4_000)).toBe(1_900);
    expect(longestGap([], 0, 500)).toBe(500);
  });
});
