import { index, integer, json, jsonb, pgTable, real, timestamp, bigserial } from 'drizzle-orm/pg-core';

/** Periodic samples behind the dashboard's time-series charts. */
export const metricSamples = pgTable('metric_samples', {
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
}, (t) => [index('metric_samples_at_idx').on(t.at)]);
