import { index, integer, json, jsonb, pgTable, real, timestamp, bigserial } from 'drizzle-orm/pg-core';

/** Periodic samples behind the dashboard's time-series charts. */
export const metricSamples = pgTable(
  'metric_samples',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    queued: jsonb('queued').$type<Record<string, number>>().notNull(),
    agents: jsonb('agents').$type<Record<string, number>>().notNull(),
    succeeded: integer('succeeded').notNull(),
    failed: integer('failed').notNull(),
    dispatchP95Ms: real('dispatch_p95_ms'),
    /** Coefficient of variation of agent utilisation (load-balancing page). */
    imbalance: real('imbalance'),
    /** Utilisation of the busiest agents by id (older rows: by name). */
    utilisation: json('utilisation').$type<Record<string, number>>(),
    /** Mean utilisation of all routable agents and their count: the heatmap's "others" row. */
    utilisationMean: real('utilisation_mean'),
    routableAgents: integer('routable_agents').notNull().default(0),
  },
  (t) => [index('metric_samples_at_idx').on(t.at)],
);

/**
 * Samples rolled up into `bucket_ms`-wide rows once they are past the raw window (1 min, then 5 min).
 * Levels are means over `samples` raw samples, counts are sums, p95 the worst: reads weight each row by
 * `samples`, so a chart bucket mixing raw and rolled rows averages exactly as the raw samples would.
 */
export const metricRollups = pgTable(
  'metric_rollups',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Bucket start (epoch-aligned). */
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    bucketMs: integer('bucket_ms').notNull(),
    samples: integer('samples').notNull(),
    queued: jsonb('queued').$type<Record<string, number>>().notNull(),
    agents: jsonb('agents').$type<Record<string, number>>().notNull(),
    succeeded: integer('succeeded').notNull(),
    failed: integer('failed').notNull(),
    dispatchP95Ms: real('dispatch_p95_ms'),
    imbalance: real('imbalance'),
    /** Samples that had an imbalance (its mean's weight). */
    imbalanceSamples: integer('imbalance_samples').notNull(),
    /** Mean utilisation per agent id over the bucket (0 where a sample did not list it), the busiest few. */
    utilisation: json('utilisation').$type<Record<string, number>>(),
    utilisationMean: real('utilisation_mean'),
    routableAgents: integer('routable_agents').notNull(),
  },
  (t) => [index('metric_rollups_at_idx').on(t.at)],
);
