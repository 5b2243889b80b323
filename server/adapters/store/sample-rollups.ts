import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { AGENT_STATES, PRIORITIES } from '@/server/core/model';
import type { RollUpStep } from '@/server/core/metrics/ports';
import { UTILISATION_AGENTS } from '@/server/core/metrics/sampler';
import { ms, rows } from './rows';
import { weightedLevel } from './sample-rows';

const levelsObject = (column: string, keys: readonly string[]) =>
  sql.raw(`jsonb_build_object(${keys.map((k) => `'${k}', ${weightedLevel(column, k)}`).join(', ')})`);

/**
 * Rolls the source rows (raw samples, or rolled-up rows of `sourceBucketMs`) older than `before` into
 * `bucketMs` rows, at most `spanMs` of them per call. One statement deletes what it reads and inserts
 * the roll-up: a crash leaves both or neither, and a second roller (replica, retry) finds nothing to count twice.
 */
export async function rollUpSamples(
  db: Db,
  { sourceBucketMs, bucketMs, before, spanMs }: RollUpStep,
): Promise<{ rolled: number; more: boolean }> {
  const raw = sourceBucketMs === null;
  const table = sql.raw(raw ? 'metric_samples' : 'metric_rollups');
  const level = raw ? sql`true` : sql`bucket_ms = ${sourceBucketMs}`;
  const [oldest] = await rows(db, sql`select min(at) as at from ${table} where ${level} and at < ${new Date(before)}`);
  const lo = ms(oldest?.at);
  if (lo === null) return { rolled: 0, more: false };
  const hi = Math.min(
    before,
    Math.floor(lo / bucketMs) * bucketMs + Math.max(bucketMs, Math.floor(spanMs / bucketMs) * bucketMs),
  );
  const weights = raw
    ? sql`1 as n, (imbalance is not null)::int as imb_n`
    : sql`samples as n, imbalance_samples as imb_n`;
  const [done] = await rows(
    db,
    sql`
    with gone as (
      delete from ${table} where ${level} and at < ${new Date(hi)}
      returning at, ${weights}, queued, agents, succeeded, failed, dispatch_p95_ms, imbalance, utilisation, utilisation_mean, routable_agents),
    b as (select gone.*, floor(extract(epoch from at) * 1000 / ${bucketMs})::bigint * ${bucketMs} as bucket from gone),
    l as (
      select bucket, sum(n)::int as n, sum(succeeded)::int as succeeded, sum(failed)::int as failed, max(dispatch_p95_ms) as p95,
        sum(imbalance::float8 * imb_n) / nullif(sum(imb_n), 0) as imbalance, sum(imb_n)::int as imb_n,
        ${levelsObject('queued', PRIORITIES)} as queued, ${levelsObject('agents', AGENT_STATES)} as agents,
        sum(utilisation_mean::float8 * n) / nullif(sum(n) filter (where utilisation_mean is not null), 0) as utilisation_mean,
        round(sum(routable_agents * n)::numeric / sum(n))::int as routable_agents
      from b group by bucket),
    -- Per agent: the mean over every sample of the bucket, 0 where a sample did not list it (so the
    -- heatmap's "others" row, fleet mean minus the listed ones, stays right); the busiest kept.
    u as (select bucket, e.key, sum(e.value::float8 * b.n) as total from b, json_each_text(b.utilisation) e group by 1, 2),
    r as (select u.*, row_number() over (partition by bucket order by total desc, key) as rank from u),
    t as (
      select r.bucket, json_object_agg(r.key, round((r.total / l.n)::numeric, 4)) as utilisation
      from r join l using (bucket) where r.rank <= ${UTILISATION_AGENTS} group by r.bucket),
    ins as (
      insert into metric_rollups (at, bucket_ms, samples, queued, agents, succeeded, failed, dispatch_p95_ms, imbalance, imbalance_samples, utilisation, utilisation_mean, routable_agents)
      select to_timestamp(l.bucket / 1000.0), ${bucketMs}, l.n, l.queued, l.agents, l.succeeded, l.failed, l.p95, l.imbalance, l.imb_n,
        coalesce(t.utilisation, '{}'::json), l.utilisation_mean, l.routable_agents
      from l left join t using (bucket)
      returning 1)
    select (select count(*) from gone)::int as rolled, (select count(*) from ins)::int as written`,
  );
  return { rolled: Number(done?.rolled ?? 0), more: hi < before };
}
