import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { AGENT_STATES, PRIORITIES } from '@/server/core/model';
import type { SeriesPoint } from '@/server/core/metrics/ports';
import { SAMPLE_INTERVAL_MS } from '@/server/core/metrics/sampler';
import { rows } from './rows';
import { sampleRows, weightedLevel } from './sample-rows';

/** A 5 s bucket holds one sample. */
export const SAMPLE_MS = SAMPLE_INTERVAL_MS;

const round2 = (v: unknown) => (v == null ? null : Math.round(Number(v) * 100) / 100);

/**
 * Buckets of `bucketMs` aligned on the epoch (the same buckets whatever the caller's now): counts
 * summed, queue and agent levels averaged, p95 as the bucket's worst. Buckets without samples are absent.
 * Raw and rolled-up rows are read alike; a rolled-up row falls whole into the bucket holding its start.
 */
export async function readSeries(
  db: Db,
  { from, to, bucketMs }: { from: number; to: number; bucketMs: number },
): Promise<SeriesPoint[]> {
  const levels = sql.join(
    [
      ...PRIORITIES.map((p) => sql`${sql.raw(weightedLevel('queued', p))} as ${sql.identifier(`queued:${p}`)}`),
      ...AGENT_STATES.map((s) => sql`${sql.raw(weightedLevel('agents', s))} as ${sql.identifier(`agents:${s}`)}`),
    ],
    sql`, `,
  );
  const found = await rows(
    db,
    sql`
    select floor(extract(epoch from at) * 1000 / ${bucketMs})::bigint * ${bucketMs} as bucket,
      sum(succeeded)::int as succeeded, sum(failed)::int as failed, max(dispatch_p95_ms) as p95,
      sum(imbalance::float8 * imb_n) / nullif(sum(imb_n), 0) as imbalance, ${levels}
    from (${sampleRows({ from, to })}) s
    group by 1 order by 1`,
  );
  return found.map((r) => ({
    at: Number(r.bucket),
    queued: Object.fromEntries(PRIORITIES.map((p) => [p, round2(r[`queued:${p}`]) ?? 0])) as SeriesPoint['queued'],
    agents: Object.fromEntries(AGENT_STATES.map((s) => [s, round2(r[`agents:${s}`]) ?? 0])) as SeriesPoint['agents'],
    succeeded: Number(r.succeeded),
    failed: Number(r.failed),
    dispatchP95Ms: round2(r.p95),
    imbalance: r.imbalance == null ? null : Math.round(Number(r.imbalance) * 1e4) / 1e4,
  }));
}
