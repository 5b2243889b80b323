import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricSample } from '@/server/core/metrics/ports';
import { startTestRuntime } from '@/server/testing/test-runtime';

let rt: Awaited<ReturnType<typeof startTestRuntime>>;
beforeAll(async () => {
  rt = await startTestRuntime({ FLIGHTDECK_DEMO: '0' });
});
afterAll(async () => {
  await rt.dispose();
});

// Two days ahead, on a whole hour: the live sampler's rows (now) never fall in these windows, and its
// pruning (older than the retention) never reaches them.
const T0 = Math.floor(Date.now() / 3_600_000) * 3_600_000 + 2 * 86_400_000;
const zeroQueue = { critical: 0, high: 0, normal: 0, low: 0, background: 0 };
const zeroAgents = {
  starting: 0,
  idle: 0,
  busy: 0,
  draining: 0,
  sleeping: 0,
  stopped: 0,
  unhealthy: 0,
  offline: 0,
  terminated: 0,
};
const sample = (i: number): MetricSample => ({
  at: T0 + i * 5_000,
  queued: { ...zeroQueue, normal: i },
  agents: { ...zeroAgents, busy: 2 },
  succeeded: 1,
  failed: i % 2,
  dispatchP95Ms: i,
  imbalance: 0.5,
  utilisation: { 'agent-a': (i % 4) / 4 },
  utilisationMean: 0.25,
  routableAgents: 3,
});

describe('metric samples downsampled in SQL', () => {
  it('sums counts, averages levels and takes the worst p95 per epoch-aligned bucket', async () => {
    for (let i = 0; i < 24; i++) await rt.store.stats.recordSample(sample(i)); // two minutes
    const points = await rt.store.stats.series({ from: T0, to: T0 + 120_000, bucketMs: 60_000 });
    expect(points.map((p) => p.at)).toEqual([T0, T0 + 60_000]);
    expect(points[0]).toMatchObject({ succeeded: 12, failed: 6, dispatchP95Ms: 11, imbalance: 0.5 });
    expect(points[0].queued.normal).toBeCloseTo(5.5, 5); // mean of 0..11
    expect(points[1].queued.normal).toBeCloseTo(17.5, 5);
    expect(points[0].agents.busy).toBe(2);
    // A narrower window holds only its own buckets; an empty one none.
    expect(await rt.store.stats.series({ from: T0 + 60_000, to: T0 + 65_000, bucketMs: 5_000 })).toHaveLength(1);
    expect(await rt.store.stats.series({ from: T0 - 60_000, to: T0, bucketMs: 5_000 })).toEqual([]);
  });

  it('reads about one utilisation sample per stride, with the fleet mean and count', async () => {
    const every = await rt.store.stats.utilisationSamples({ from: T0, to: T0 + 120_000, strideMs: 5_000 });
    expect(every).toHaveLength(24);
    const strided = await rt.store.stats.utilisationSamples({ from: T0, to: T0 + 120_000, strideMs: 20_000 });
    expect(strided).toHaveLength(6);
    expect(strided[0]).toEqual({ at: T0, utilisation: { 'agent-a': 0 }, mean: 0.25, agents: 3 });
    // A stride longer than the data still reads its first sample (a fresh server's 7-day view).
    expect(
      (await rt.store.stats.utilisationSamples({ from: T0 - 3_600_000, to: T0 + 120_000, strideMs: 20 * 60_000 })).map(
        (s) => s.at,
      ),
    ).toEqual([T0]);
  });

  it('reads the first sample of a stride that saw routable agents: a fresh server samples before its agents register', async () => {
    const start = T0 - 10 * 60_000;
    await rt.store.stats.recordSample({
      ...sample(0),
      at: start,
      utilisation: {},
      utilisationMean: null,
      routableAgents: 0,
    });
    await rt.store.stats.recordSample({ ...sample(1), at: start + 5_000 });
    const read = await rt.store.stats.utilisationSamples({ from: T0 - 20 * 60_000, to: T0, strideMs: 20 * 60_000 });
    expect(read).toEqual([{ at: start + 5_000, utilisation: { 'agent-a': 0.25 }, mean: 0.25, agents: 3 }]);
  });

  it('prunes samples older than an instant and says how many went', async () => {
    // The live sampler's own rows (now) are older too and go with them.
    expect(await rt.store.stats.pruneSamples(T0 + 60_000)).toBeGreaterThanOrEqual(12);
    expect((await rt.store.stats.series({ from: T0, to: T0 + 120_000, bucketMs: 60_000 })).map((p) => p.at)).toEqual([
      T0 + 60_000,
    ]);
  });
});
