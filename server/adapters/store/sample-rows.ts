import { sql, type SQL } from 'drizzle-orm';

/**
 * Raw samples and rolled-up rows in one shape: `n` samples each, `imb_n` of them with an imbalance.
 * The two tables never hold the same sample (a roll-up deletes what it reads), so reading both adds up.
 */
export function sampleRows({ from, to }: { from: number; to: number }): SQL {
  return sql`
    select at, 1 as n, queued, agents, succeeded, failed, dispatch_p95_ms, imbalance, (imbalance is not null)::int as imb_n
    from metric_samples where at >= ${new Date(from)} and at < ${new Date(to)}
    union all
    select at, samples, queued, agents, succeeded, failed, dispatch_p95_ms, imbalance, imbalance_samples
    from metric_rollups where at >= ${new Date(from)} and at < ${new Date(to)}`;
}

/** The mean of a level kept in a JSON column, each row weighted by its samples (a missing key counts 0). Keys are our constants. */
export const weightedLevel = (column: string, key: string) =>
  `sum(coalesce((${column}->>'${key}')::float8, 0) * n) / sum(n)`;
