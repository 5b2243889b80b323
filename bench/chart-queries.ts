/**
 * `npx tsx bench/chart-queries.ts`: the chart queries over 7 days of 5 s samples (120,960 rows,
 * 30 agents' utilisation each), embedded or on DATABASE_URL. Prints the median of 5 runs per range,
 * first over raw samples only, then after the sampler's roll-up (raw kept 6 h, then 1- and 5-minute rows).
 */
import { sql } from 'drizzle-orm';
import { rows } from '@/server/adapters/store/rows';
import { readDistribution } from '@/server/core/routing/balancing-view';
import { MetricSampler } from '@/server/core/metrics/sampler';
import { readSeriesView } from '@/server/core/metrics/series-view';
import { TIME_RANGES } from '@/server/core/metrics/time-range';
import { startTestRuntime } from '@/server/testing/test-runtime';

const DAY = 24 * 3_600_000;
const rt = await startTestRuntime({ FLIGHTDECK_DEMO: '0' });
try {
  await rt.core.stop(); // the bench's rows only: no live sampling or rolling meanwhile
  const t0 = Date.now();
  await rt.database.db.execute(sql`
    insert into metric_samples (at, queued, agents, succeeded, failed, dispatch_p95_ms, imbalance, utilisation, utilisation_mean, routable_agents)
    select now() - (g * interval '5 second'), '{"critical":1,"high":2,"normal":30,"low":4,"background":0}'::jsonb,
      '{"starting":0,"idle":300,"busy":690,"draining":0,"sleeping":0,"stopped":0,"unhealthy":10,"offline":0,"terminated":0}'::jsonb,
      g % 7, g % 3, 12.5, 0.3,
      (select json_object_agg('agt_' || lpad(a::text, 20, '0'), round(random()::numeric, 4)) from generate_series(1, 30) a where g >= 0),
      0.42, 1000
    from generate_series(1, ${(7 * DAY) / 5_000}) g`);
  console.log(`${rt.database.kind}: 7 days of samples inserted in ${Date.now() - t0} ms`);
  const median = async (fn: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const s = performance.now();
      await fn();
      times.push(performance.now() - s);
    }
    return Math.round(times.sort((a, b) => a - b)[2]);
  };
  const measure = async (label: string) => {
    const [r] = await rows(
      rt.database.db,
      sql`
      select (select count(*) from metric_samples)::int as raw, (select count(*) from metric_rollups)::int as rolled,
        pg_size_pretty(pg_total_relation_size('metric_samples') + pg_total_relation_size('metric_rollups')) as size`,
    );
    console.log(
      `\n${label}: ${String(r.raw)} raw rows + ${String(r.rolled)} rolled-up rows, ${String(r.size)} (both tables, indexes included)`,
    );
    for (const range of TIME_RANGES) {
      const series = await median(() => readSeriesView(rt.store, { range }, Date.now()));
      const dist = await median(() => readDistribution(rt.store, { range }, Date.now()));
      console.log(
        `${range.padEnd(4)} overview.series ${String(series).padStart(5)} ms   balancing.distribution ${String(dist).padStart(5)} ms`,
      );
    }
  };
  await measure('raw only');
  // The sampler's own catch-up, step by step (a server upgraded with 7 days of raw samples does the same, tick by tick).
  const sampler = new MetricSampler(rt.store, { now: () => Date.now() });
  const t1 = Date.now();
  let steps = 0;
  while ((await sampler.rollUp()) > 0) steps++;
  console.log(`\nrolled up in ${steps} ticks, ${Date.now() - t1} ms`);
  // Space freed by the deletes is reused by later samples; vacuum full shows the steady-state size.
  await rt.database.db.execute(sql`vacuum full metric_samples`);
  await rt.database.db.execute(sql`vacuum full metric_rollups`);
  await measure('rolled up');
} finally {
  await rt.dispose();
}
