import { describe, expect, it } from 'vitest';
import { bucketStart, heatmapPlan, heatmapStrideMs, RANGE_MS, seriesPlan, TIME_RANGES } from './time-range';

describe('time ranges and buckets', () => {
  it.each(TIME_RANGES)('%s: a bounded number of epoch-aligned buckets covering the range up to now', (range) => {
    const now = Date.UTC(2026, 0, 5, 14, 7, 31, 250);
    const p = seriesPlan(range, now);
    expect(p.count).toBeGreaterThanOrEqual(120);
    expect(p.count).toBeLessThanOrEqual(360);
    expect(p.to - p.from).toBe(RANGE_MS[range]);
    expect(p.to - p.from).toBe(p.count * p.bucketMs);
    expect(p.from % p.bucketMs).toBe(0);
    // The current bucket is the last one: now lies inside [to - bucket, to).
    expect(now).toBeGreaterThanOrEqual(p.to - p.bucketMs);
    expect(now).toBeLessThan(p.to);
    expect(p.bucketMs % 5_000).toBe(0);
  });

  it('widens buckets with the range: 5 s over 15 minutes, 30 minutes over 7 days', () => {
    expect(seriesPlan('15m', 0).bucketMs).toBe(5_000);
    expect(seriesPlan('7d', 0).bucketMs).toBe(30 * 60_000);
    expect(bucketStart(14 * 60_000 + 59_999, 60_000)).toBe(14 * 60_000);
  });

  it('reads a heatmap from about six samples per cell, never closer than one sample', () => {
    expect(heatmapStrideMs('15m', 5_000)).toBe(5_000);
    expect(heatmapStrideMs('7d', 5_000)).toBe(20 * 60_000);
    for (const r of TIME_RANGES) expect(heatmapPlan(r, 0).count).toBeLessThanOrEqual(180);
  });
});
