import { describe, expect, it } from 'vitest';
import type { Store } from '../ports';
import type { MetricSample, RollUpStep } from './ports';
import { FakeClock, makeAgent } from '../testing/fakes';
import { DEFAULT_RAW_MS, DEFAULT_RETENTION_MS, MetricSampler, UTILISATION_AGENTS, utilisationOf } from './sampler';

describe('utilisation sample', () => {
  it('measures routable agents only, keeps the busiest by id, their mean, and gives the coefficient of variation as imbalance', () => {
    const roster = [
      makeAgent({ id: 'f', name: 'full', activeTasks: 2, maxConcurrency: 2 }),
      makeAgent({ id: 'h', name: 'half', activeTasks: 1, maxConcurrency: 2 }),
      makeAgent({ id: 'i', name: 'idle', activeTasks: 0, maxConcurrency: 1 }),
      makeAgent({ id: 's', name: 'asleep', status: 'sleeping', activeTasks: 0 }),
    ];
    const s = utilisationOf(roster);
    expect(s.utilisation).toEqual({ f: 1, h: 0.5, i: 0 });
    expect(s.utilisationMean).toBe(0.5);
    expect(s.routableAgents).toBe(3);
    // mean 0.5, population standard deviation √(1/6) ≈ 0.4082
    expect(s.imbalance).toBeCloseTo(0.8165, 4);
  });

  it('is empty without routable agents, and bounded with many', () => {
    expect(utilisationOf([])).toEqual({ imbalance: null, utilisation: {}, utilisationMean: null, routableAgents: 0 });
    const many = Array.from({ length: 1_000 }, (_, i) =>
      makeAgent({ id: `id${i}`, name: `a${i}`, activeTasks: i % 2 }),
    );
    const s = utilisationOf(many);
    expect(Object.keys(s.utilisation)).toHaveLength(UTILISATION_AGENTS);
    expect(s.routableAgents).toBe(1_000);
  });
});

describe('sample retention', () => {
  function fakeStore() {
    const kept: MetricSample[] = [];
    const stats = {
      queueDepth: async () => ({ critical: 0, high: 0, normal: 0, low: 0, background: 0 }),
      agentsByStatus: async () => ({}),
      recent: async () => ({ succeeded: 0, failed: 0, dispatchP95Ms: null, dispatchP50Ms: null }),
      recordSample: async (s: MetricSample) => void kept.push(s),
      pruneSamples: async (olderThan: number) => {
        const before = kept.length;
        kept.splice(0, kept.length, ...kept.filter((s) => s.at >= olderThan));
        return before - kept.length;
      },
      rollUpSamples: async () => ({ rolled: 0, more: false }),
    };
    return { kept, store: { stats, agents: { live: async () => [] } } as unknown as Store };
  }

  it('drops samples older than the retention, checking once an hour on the injected clock', async () => {
    const clock = new FakeClock(0);
    const { kept, store } = fakeStore();
    const sampler = new MetricSampler(store, clock, { retentionMs: 2 * 3_600_000 });
    for (let i = 0; i < 12 * 60 * 3; i++) {
      // three hours of 5 s samples
      await sampler.sample();
      clock.advance(5_000);
    }
    // Pruned at 0 h, 1 h and 2 h: nothing is older than 2 h at the last prune, so three hours remain in part.
    expect(kept[0].at).toBe(0);
    clock.advance(3_600_000);
    await sampler.sample();
    // At 4 h the cut-off is 2 h: every sample before it is gone, and only one prune ran for many ticks.
    expect(kept[0].at).toBe(2 * 3_600_000);
    expect(kept.every((s) => s.at >= clock.now() - 2 * 3_600_000)).toBe(true);
  });

  it('keeps seven days by default', () => {
    expect(DEFAULT_RETENTION_MS).toBe(7 * 24 * 3_600_000);
  });
});

describe('sample roll-up', () => {
  function rollingStore(behindFor: number) {
    const steps: RollUpStep[] = [];
    const stats = {
      queueDepth: async () => ({}),
      agentsByStatus: async () => ({}),
      recordSample: async () => {},
      pruneSamples: async () => 0,
      recent: async () => ({ succeeded: 0, failed: 0, dispatchP95Ms: null, dispatchP50Ms: null }),
      rollUpSamples: async (step: RollUpStep) => {
        steps.push(step);
        return { rolled: 1, more: step.sourceBucketMs === null && steps.length <= behindFor * 2 };
      },
    };
    return { steps, store: { stats, agents: { live: async () => [] } } as unknown as Store };
  }

  it('rolls raw samples past the raw window into whole minutes, and minutes past a day into 5-minute rows, once a minute', async () => {
    const clock = new FakeClock(10 * 86_400_000 + 37_000);
    const { steps, store } = rollingStore(0);
    const sampler = new MetricSampler(store, clock);
    await sampler.sample();
    expect(steps).toEqual([
      { sourceBucketMs: null, bucketMs: 60_000, before: 10 * 86_400_000 - DEFAULT_RAW_MS, spanMs: 2 * 3_600_000 },
      { sourceBucketMs: 60_000, bucketMs: 300_000, before: 9 * 86_400_000, spanMs: 2 * 3_600_000 },
    ]);
    for (let i = 0; i < 11; i++) {
      clock.advance(5_000);
      await sampler.sample();
    }
    expect(steps).toHaveLength(2); // 55 s later: not yet
    clock.advance(5_000);
    await sampler.sample();
    expect(steps).toHaveLength(4);
  });

  it('keeps rolling on every tick while a step says it stopped early (catching up after days down)', async () => {
    const clock = new FakeClock(10 * 86_400_000);
    const { steps, store } = rollingStore(3);
    const sampler = new MetricSampler(store, clock);
    for (let i = 0; i < 5; i++) {
      await sampler.sample();
      clock.advance(5_000);
    }
    // Three ticks behind, the fourth catches up; the fifth waits for the minute.
    expect(steps).toHaveLength(8);
  });
});
