import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MetricSampler } from '@/server/core/metrics/sampler';
import { readSeriesView } from '@/server/core/metrics/series-view';
import { readDistribution } from '@/server/core/routing/balancing-view';
import type { MetricSample, SeriesPoint } from '@/server/core/metrics/ports';
import { startTestRuntime } from '@/server/testing/test-runtime';
import { rows } from './rows';
import { rollUpSamples } from './sample-rollups';

let rt: Awaited<ReturnType<typeof startTestRuntime>>;
beforeAll(async () => {
  rt = await startTestRuntime({ FLIGHTDECK_DEMO: '0' });
  // The tables are this file's alone: the live sampler's loop stops, and its first samples go.
  await rt.core.stop();
  await rt.database.db.execute(sql`delete from metric_samples`);
});
afterAll(async () => {
  await rt.dispose();
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Math.floor(Date.now() / HOUR) * HOUR + 3 * DAY;
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
/** Irregular on purpose: levels, counts, missing imbalances and agents that drop out of the busiest. */
const sample = (t0: number, i: number): MetricSample => ({
  at: t0 + i * 5_000,
  queued: { ...zeroQueue, normal: i % 17, high: (i * 7) % 5 },
  agents: { ...zeroAgents, busy: i % 5, idle: 3 },
  succeeded: i % 3,
  failed: i % 2,
  dispatchP95Ms: (i * 13) % 50,
  imbalance: i % 10 === 0 ? null : ((i % 7) + 1) / 10,
  utilisation: i % 4 === 0 ? { a: 0.25 } : { a: (i % 5) / 4, b: (i % 3) / 2 },
  utilisationMean: (i % 4) / 4,
  routableAgents: 3,
});
async function record(t0: number, count: number) {
  for (let i = 0; i < count; i++) await rt.store.stats.recordSample(sample(t0, i));
}
const series = (from: number, bucketMs: number, span = HOUR) =>
  rt.store.stats.series({ from, to: from + span, bucketMs });

/** Equal up to the 2-decimal rounding of levels (a mean from rolled rows may round the other way). */
function expectSameSeries(got: SeriesPoint[], want: SeriesPoint[]) {
  expect(got.map((p) => p.at)).toEqual(want.map((p) => p.at));
  got.forEach((p, i) => {
    const w = want[i];
    expect({ succeeded: p.succeeded, failed: p.failed, p95: p.dispatchP95Ms }).toEqual({
      succeeded: w.succeeded,
      failed: w.failed,
      p95: w.dispatchP95Ms,
    });
    expect(p.imbalance ?? -1).toBeCloseTo(w.imbalance ?? -1, 3);
    for (const k of Object.keys(w.queued) as (keyof typeof w.queued)[])
      expect(Math.abs(p.queued[k] - w.queued[k])).toBeLessThanOrEqual(0.011);
    for (const k of Object.keys(w.agents) as (keyof typeof w.agents)[])
      expect(Math.abs(p.agents[k] - w.agents[k])).toBeLessThanOrEqual(0.011);
  });
}
async function stored(t0: number) {
  const found = await rows(
    rt.database.db,
    sql`
    select 'raw' as kind, count(*)::int as n from metric_samples where at >= ${new Date(t0)} and at < ${new Date(t0 + HOUR)}
    union all select bucket_ms::text, count(*)::int from metric_rollups where at >= ${new Date(t0)} and at < ${new Date(t0 + HOUR)} group by bucket_ms`,
  );
  return Object.fromEntries(found.filter((r) => Number(r.n) > 0).map((r) => [r.kind, Number(r.n)]));
}
const WIDTHS = [5 * 60_000, 30 * 60_000, HOUR];

describe('samples rolled up in SQL', () => {
  it('keeps every chart bucket as the raw samples gave it: 1-minute rows, mixed with raw, then 5-minute rows', async () => {
    await record(T0, 720); // one hour
    const raw = await Promise.all(WIDTHS.map((w) => series(T0, w)));
    const rawMinutes = await series(T0, 60_000);
    const rawHeat = await rt.store.stats.utilisationSamples({ from: T0, to: T0 + HOUR, strideMs: 5_000 });

    // Half the hour rolled: the 1-hour bucket mixes 1-minute rows and raw samples.
    expect(
      await rollUpSamples(rt.database.db, {
        sourceBucketMs: null,
        bucketMs: 60_000,
        before: T0 + HOUR / 2,
        spanMs: DAY,
      }),
    ).toMatchObject({ more: false });
    expect(await stored(T0)).toEqual({ raw: 360, 60000: 30 });
    for (const [i, w] of WIDTHS.entries()) expectSameSeries(await series(T0, w), raw[i]);

    // In steps of 20 minutes, as a server catching up does it.
    expect(
      await rollUpSamples(rt.database.db, {
        sourceBucketMs: null,
        bucketMs: 60_000,
        before: T0 + HOUR,
        spanMs: 20 * 60_000,
      }),
    ).toEqual({ rolled: 240, more: true });
    expect(
      await rollUpSamples(rt.database.db, {
        sourceBucketMs: null,
        bucketMs: 60_000,
        before: T0 + HOUR,
        spanMs: 20 * 60_000,
      }),
    ).toEqual({ rolled: 120, more: false });
    expect(await stored(T0)).toEqual({ 60000: 60 });
    expectSameSeries(await series(T0, 60_000), rawMinutes);
    for (const [i, w] of WIDTHS.entries()) expectSameSeries(await series(T0, w), raw[i]);

    // The heatmap reads per-agent means over the minute (0 where a sample did not list the agent) and the fleet mean.
    const minutes = await rt.store.stats.utilisationSamples({ from: T0, to: T0 + HOUR, strideMs: 60_000 });
    expect(minutes).toHaveLength(60);
    minutes.forEach((m, i) => {
      const of = rawHeat.slice(i * 12, i * 12 + 12);
      for (const key of ['a', 'b'])
        expect(m.utilisation[key]).toBeCloseTo(of.reduce((s, x) => s + (x.utilisation[key] ?? 0), 0) / 12, 4);
      expect(m.mean).toBeCloseTo(of.reduce((s, x) => s + x.mean!, 0) / 12, 4);
      expect(m.agents).toBe(3);
    });

    expect(
      await rollUpSamples(rt.database.db, {
        sourceBucketMs: 60_000,
        bucketMs: 300_000,
        before: T0 + HOUR,
        spanMs: DAY,
      }),
    ).toEqual({ rolled: expect.any(Number) as number, more: false });
    expect(await stored(T0)).toEqual({ 300000: 12 });
    for (const [i, w] of WIDTHS.entries()) expectSameSeries(await series(T0, w), raw[i]);
    const fives = await rt.store.stats.utilisationSamples({ from: T0, to: T0 + HOUR, strideMs: 300_000 });
    expect(fives[0].utilisation.a).toBeCloseTo(rawHeat.slice(0, 60).reduce((s, x) => s + x.utilisation.a, 0) / 60, 3);
  });

  it('neither loses nor double-counts across a crash, a repeat, two rollers at once and a late sample', async () => {
    const t0 = T0 + HOUR;
    await record(t0, 720);
    const raw = await Promise.all(WIDTHS.map((w) => series(t0, w)));
    const step = { sourceBucketMs: null, bucketMs: 60_000, before: t0 + HOUR, spanMs: DAY };

    // A crash after the roll-up statement, before commit: nothing happened.
    await expect(
      rt.database.db.transaction(async (tx) => {
        await rollUpSamples(tx, step);
        throw new Error('crash');
      }),
    ).rejects.toThrow('crash');
    expect(await stored(t0)).toEqual({ raw: 720 });

    // Two rollers at once (two replicas), then a repeat: each sample is counted once.
    const both = await Promise.all([rollUpSamples(rt.database.db, step), rollUpSamples(rt.database.db, step)]);
    expect(both[0].rolled + both[1].rolled).toBe(720);
    expect(await rollUpSamples(rt.database.db, step)).toEqual({ rolled: 0, more: false });
    for (const [i, w] of WIDTHS.entries()) expectSameSeries(await series(t0, w), raw[i]);

    // A sample arriving after its minute was rolled gets a row of its own; the bucket still adds up.
    const late = { ...sample(t0, 3), at: t0 + 17_000, succeeded: 5 };
    await rt.store.stats.recordSample(late);
    await rollUpSamples(rt.database.db, step);
    const [first] = await series(t0, HOUR);
    expect(first.succeeded).toBe(raw[2][0].succeeded + 5);
  });

  it('keeps rolled-up rows for the retention, then prunes them with the raw samples', async () => {
    const t0 = T0 + 2 * HOUR;
    await record(t0, 720);
    await rollUpSamples(rt.database.db, { sourceBucketMs: null, bucketMs: 60_000, before: t0 + HOUR / 2, spanMs: DAY });
    // The sampler a week later (its own clock): everything older than seven days goes, raw and rolled alike.
    const week = 7 * DAY;
    const sampler = new MetricSampler(rt.store, { now: () => t0 + week + 15 * 60_000 }, { retentionMs: week });
    await sampler.prune();
    expect((await series(t0, 5 * 60_000)).map((p) => p.at)).toEqual(
      [3, 4, 5, 6, 7, 8, 9, 10, 11].map((k) => t0 + k * 5 * 60_000),
    );
    expect(await stored(t0)).toEqual({ raw: 360, 60000: 15 });
  });

  it('leaves the 24h and 7d chart views as they were: same buckets and values, heatmap rows and filled cells kept', async () => {
    const t0 = T0 + 4 * HOUR;
    await record(t0, 720);
    const now = t0 + 2 * HOUR;
    const views = async () =>
      Promise.all(
        (['24h', '7d'] as const).map(async (range) => ({
          series: await readSeriesView(rt.store, { range }, now),
          dist: await readDistribution(rt.store, { range }, now),
        })),
      );
    type Heatmap = Awaited<ReturnType<typeof readDistribution>>['heatmap'];
    // A rolled row lists every agent seen in its minute, where a raw sample lists those of one instant:
    // cells may fill in, none may empty.
    const filled = (h: Heatmap) =>
      new Set(h.rows.flatMap((r) => r.cells.flatMap((c, col) => (c === null ? [] : [`${r.name}@${col}`]))));
    const shape = (h: Heatmap) => ({
      from: h.from,
      columns: h.columns,
      rows: h.rows.map((r) => r.name).sort(),
      others: h.others?.cells.map((c) => c !== null),
    });
    const before = await views();
    await rollUpSamples(rt.database.db, { sourceBucketMs: null, bucketMs: 60_000, before: t0 + HOUR, spanMs: DAY });
    const minutes = await views();
    await rollUpSamples(rt.database.db, { sourceBucketMs: 60_000, bucketMs: 300_000, before: t0 + HOUR, spanMs: DAY });
    const fives = await views();
    for (const after of [minutes, fives]) {
      after.forEach((v, i) => {
        const { points, ...axis } = v.series;
        const { points: wantPoints, ...wantAxis } = before[i].series;
        expect(axis).toEqual(wantAxis);
        expectSameSeries(points, wantPoints);
        expect(v.dist.imbalanceSeries.points.map((p) => p.at)).toEqual(
          before[i].dist.imbalanceSeries.points.map((p) => p.at),
        );
        expect(shape(v.dist.heatmap)).toEqual(shape(before[i].dist.heatmap));
        const cells = filled(v.dist.heatmap);
        for (const cell of filled(before[i].dist.heatmap)) expect(cells).toContain(cell);
      });
    }
  });
});
