import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPrincipal, callerAs, startTestRuntime } from '@/server/testing/test-runtime';

let rt: Awaited<ReturnType<typeof startTestRuntime>>;
beforeAll(async () => {
  rt = await startTestRuntime({ LOG_LEVEL: 'error', FLIGHTDECK_AUTOSCALE_INTERVAL_MS: '600000' });
});
afterAll(async () => {
  await rt.dispose();
});

const admin = () => callerAs(rt, adminPrincipal);
const MIN = 60_000;
const HOUR = 60 * MIN;

/** A sample recorded `agoMs` before the database's now (the autoscaler only ever writes now). */
async function sampleAgo(
  poolId: string,
  agoMs: number,
  s: { size: number; awake: number; busy: number; backlog: number },
) {
  await rt.database.db.execute(sql`insert into pool_samples (pool_id, at, size, awake, busy, backlog)
    values (${poolId}, now() - ${agoMs}::bigint * interval '1 millisecond', ${s.size}, ${s.awake}, ${s.busy}, ${s.backlog})`);
}

describe('pools.samples over a time range', () => {
  it('answers the range in epoch-aligned buckets, each point the peak of its bucket, and only the range asked for', async () => {
    // Disabled: the autoscaler records nothing of its own beside these.
    const pool = await admin().pools.create({
      name: 'ranged',
      capabilities: ['ranged'],
      provider: 'simulated',
      enabled: false,
    });
    await sampleAgo(pool.id, 3 * 24 * HOUR, { size: 9, awake: 9, busy: 9, backlog: 90 });
    await sampleAgo(pool.id, 5 * HOUR, { size: 5, awake: 4, busy: 3, backlog: 20 });
    await sampleAgo(pool.id, 40 * MIN, { size: 2, awake: 2, busy: 1, backlog: 7 });
    // Two samples a second apart share a 5 s bucket most of the time; the peak of each value wins.
    await sampleAgo(pool.id, 2 * MIN, { size: 3, awake: 1, busy: 0, backlog: 12 });
    await sampleAgo(pool.id, 2 * MIN + 100, { size: 1, awake: 3, busy: 2, backlog: 4 });

    const short = await admin().pools.samples({ id: pool.id, range: '15m' });
    expect(short).toMatchObject({ range: '15m', bucketMs: 5_000, buckets: 180 });
    expect(short.to - short.from).toBe(15 * MIN);
    expect(short.points).toEqual([{ at: expect.any(Number), size: 3, awake: 3, busy: 2, backlog: 12 }]);
    expect(short.points[0].at % 5_000).toBe(0);
    expect(short.points[0].at).toBeGreaterThanOrEqual(short.from);

    // The default is an hour: the sample 40 minutes back joins.
    const hour = await admin().pools.samples({ id: 'ranged' });
    expect(hour).toMatchObject({ range: '1h', bucketMs: 15_000, buckets: 240 });
    expect(hour.points.map((p) => p.size)).toEqual([2, 3]);

    const six = await admin().pools.samples({ id: pool.id, range: '6h' });
    expect(six).toMatchObject({ bucketMs: 90_000, buckets: 240 });
    expect(six.points.map((p) => p.size)).toEqual([5, 2, 3]);

    const week = await admin().pools.samples({ id: pool.id, range: '7d' });
    expect(week).toMatchObject({ range: '7d', bucketMs: 30 * MIN, buckets: 336 });
    expect(week.points.map((p) => p.backlog)).toEqual([90, 20, 7, 12]);
    for (const p of week.points) expect(p.at % (30 * MIN)).toBe(0);
  });

  it('refuses an unknown range naming the field, and an unknown pool with NOT_FOUND', async () => {
    const pool = await admin().pools.create({
      name: 'ranged-bad',
      capabilities: ['ranged'],
      provider: 'simulated',
      enabled: false,
    });
    await expect(admin().pools.samples({ id: pool.id, range: '30d' } as never)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('range'),
    });
    await expect(admin().pools.samples({ id: pool.id, windowMs: 60_000 } as never)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('windowMs'),
    });
    await expect(admin().pools.samples({ id: 'no-such-pool', range: '1h' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('keeps samples for the 7-day range when pruning, and drops older ones', async () => {
    const pool = await admin().pools.create({
      name: 'ranged-prune',
      capabilities: ['ranged'],
      provider: 'simulated',
      enabled: false,
    });
    await sampleAgo(pool.id, 8 * 24 * HOUR, { size: 1, awake: 1, busy: 1, backlog: 1 });
    await sampleAgo(pool.id, 6 * 24 * HOUR, { size: 2, awake: 2, busy: 2, backlog: 2 });
    await rt.store.pools.prune(rt.env.FLIGHTDECK_METRICS_RETENTION_MS, 2_000);
    const week = await admin().pools.samples({ id: pool.id, range: '7d' });
    expect(week.points.map((p) => p.size)).toEqual([2]);
  });
});
