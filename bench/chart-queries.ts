/**
 * `npx tsx bench/chart-queries.ts`: the chart queries over 7 days of 5 s samples (120,960 rows,
 * 30 agents' utilisation each), embedded or on DATABASE_URL. Prints the median of 5 runs per range.
 */
import { sql } from 'drizzle-orm';
import { rows } from '@/server/adapters/store/rows';
import { readDistribution } from '@/server/core/routing/balancing-view';
import { readSeriesView } from '@/server/core/metrics/series-view';
import { TIME_RANGES } from '@/server/core/metrics/time-range';
import { startTestRuntime } from '@/server/testing/test-runtime';

const DAY = 24 * 3_600_000;
const rt = await startTestRuntime({ FLIGHTDECK_DEMO: '0' });
try {
  const t0 = Date.now();
  await rt.database.db.execute(sql`
    insert into metric_samples (at, queued, agents, succeeded, failed, dispatch_p95_ms, imbalance, utilisation, utilisation_mean, routable_agents)
    select now() - (g * interval '5 second'), '{"critical":1,"high":2,"normal":30,"low":4,"background":0}'::jsonb,
      '{"starting":0,"idle":300,"busy":690,"draining":0,"sleeping":0,"stopped":0,"unhealthy":10,"offline":0,"terminated":0}'::jsonb,
      g % 7, g % 3, 12.5, 0.3,
      (select json_object_agg('agt_' || lpad(a::text, 20, '0'), round(random()::numeric, 4)) from generate_series(1, 30) a where g >= 0),
      0.42, 1000
    from generate_series(1, ${(7 * DAY) / 5_000}) g`);
  const [{ n, size }] = await rows(rt.database.db, sql`select count(*)::int as n, pg_size_pretty(pg_total_relation_size('metric_samples')) as size from metric_samples`);
  console.log(`${rt.database.kind}: ${String(n)} samples, ${String(size)}, inserted in ${Date.now() - t0} ms`);
  const median = async (fn: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const s = performance.now();
      await fn();
      times.push(performance.now() - s);
    }
    return Math.round(times.sort((a, b) => a - b)[2]);
  };
  for (const range of TIME_RANGES) {
    const series = await median(() => readSeriesView(rt.store, { range }, Date.now()));
    const dist = await median(() => readDistribution(rt.store, { range }, Date.now()));
    console.log(`${range.padEnd(4)} overview.series ${String(series).padStart(5)} ms   balancing.distribution ${String(dist).padStart(5)} ms`);
  }
} finally {
  await rt.dispose();
}
