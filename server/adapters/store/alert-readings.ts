import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { Reading } from '@/server/core/alerts/alert-model';
import { readingKey, type MetricName } from '@/server/core/alerts/metric-catalogue';
import type { AlertReadings } from '@/server/core/alerts/ports';
import { rows } from './rows';

type Row = Record<string, any>;
type Reader = (db: Db, p: Record<string, number>, now: number) => Promise<Omit<Reading, 'metric'>[]>;

const at = (now: number) => sql`to_timestamp(${now / 1000})`;
const since = (now: number, windowMs = 0) => sql`to_timestamp(${(now - windowMs) / 1000})`;
/** Per-entity readings are bounded: an alert per agent for ten thousand agents helps nobody. */
const MAX_READINGS = 500;

const LIVE = sql`status not in ('terminated', 'offline')`;
const FAILED = sql`a.status in ('failed', 'timed-out', 'lost')`;
const FINISHED = sql`a.status in ('succeeded', 'failed', 'timed-out', 'lost')`;

const byLabel = (label: string) => (found: Row[]) =>
  found.map((r) => ({ labels: { [label]: String(r.label) }, value: Number(r.value) }));

const agentLabels = (r: Row) => ({ agent: r.name, agent_id: r.id, runtime: r.runtime });

async function agentsWhere(db: Db, value: SQL, where: SQL, withRuntime = true) {
  const found = await rows<Row>(
    db,
    sql`select id, name, runtime, ${value} as value from agents where ${where} limit ${MAX_READINGS}`,
  );
  return found.map((r) => {
    const { runtime, ...rest } = agentLabels(r);
    return { labels: withRuntime ? { ...rest, runtime } : rest, value: Number(r.value) };
  });
}

const failureRate =
  (group: SQL, from: SQL): Reader =>
  async (db, p, now) =>
    byLabel('label')(
      await rows<Row>(
        db,
        sql`select ${group} as label, 100.0 * count(*) filter (where ${FAILED}) / count(*) as value
          from task_attempts a ${from}
          where a.finished_at >= ${since(now, p.windowMs)} and ${FINISHED}
          group by 1 having count(*) >= ${p.minTasks} limit ${MAX_READINGS}`,
      ),
    );

async function poolHolds(db: Db, kind: string, now: number) {
  const found = await rows<Row>(
    db,
    sql`select id, name from pools where enabled and hold->>'kind' = ${kind}
        and (hold->>'until' is null or (hold->>'until')::bigint > ${now})`,
  );
  return found.map((r) => ({ labels: { pool: r.name, pool_id: r.id }, value: 1 }));
}

/** How each metric of the catalogue is read: cheap aggregate queries over the tables the fleet already keeps. */
const READERS: Record<MetricName, Reader> = {
  queue_depth: async (db) =>
    byLabel('label')(
      await rows<Row>(
        db,
        sql`select c.cap as label, count(*) as value from tasks t cross join lateral jsonb_array_elements_text(t.capabilities) c(cap)
            where t.status = 'queued' group by 1 limit ${MAX_READINGS}`,
      ),
    ).map((r) => ({ labels: { capability: r.labels.label }, value: r.value })),
  unservable_queued: async (db) =>
    (
      await rows<Row>(
        db,
        sql`with healthy as (select distinct c->>'name' as cap from agents a cross join lateral jsonb_array_elements(a.capabilities) c
                             where a.status in ('idle', 'busy', 'starting'))
            select q.cap as label, count(*) as value from tasks t cross join lateral jsonb_array_elements_text(t.capabilities) q(cap)
            where t.status = 'queued' and not exists (select 1 from healthy h where h.cap = q.cap)
            group by 1 limit ${MAX_READINGS}`,
      )
    ).map((r) => ({ labels: { capability: r.label }, value: Number(r.value) })),
  failure_rate_by_capability: async (db, p, now) =>
    (
      await failureRate(
        sql`c.cap`,
        sql`join tasks t on t.id = a.task_id cross join lateral jsonb_array_elements_text(t.capabilities) c(cap)`,
      )(db, p, now)
    ).map((r) => ({ labels: { capability: r.labels.label }, value: r.value })),
  failure_rate_by_runtime: async (db, p, now) =>
    (await failureRate(sql`g.runtime`, sql`join agents g on g.id = a.agent_id`)(db, p, now)).map((r) => ({
      labels: { runtime: r.labels.label },
      value: r.value,
    })),
  dispatch_latency_p95: async (db, p, now) => {
    const [r] = await rows<Row>(
      db,
      sql`select percentile_cont(0.95) within group (order by extract(epoch from (assigned_at - queued_at)) * 1000) as value
          from task_attempts where assigned_at >= ${since(now, p.windowMs)}`,
    );
    return r?.value == null ? [] : [{ labels: {}, value: Math.round(Number(r.value)) }];
  },
  agent_unhealthy: (db, _p, now) =>
    agentsWhere(db, sql`extract(epoch from (${at(now)} - status_changed_at))`, sql`status = 'unhealthy'`),
  agent_offline: (db, _p, now) =>
    agentsWhere(db, sql`extract(epoch from (${at(now)} - status_changed_at))`, sql`status = 'offline'`),
  breaker_open: async (db, _p, now) => {
    const found = await rows<Row>(
      db,
      sql`with latest as (select distinct on (key) key, to_state, at from breaker_events order by key, id desc)
          select l.key, extract(epoch from (${at(now)} - l.at)) as value, g.id, g.name, g.runtime
          from latest l left join agents g on l.key = 'agent:' || g.id
          where l.to_state = 'open' and (l.key like 'runtime:%' or (g.id is not null and g.status <> 'terminated'))
          limit ${MAX_READINGS}`,
    );
    return found.map((r) => {
      const value = Math.max(0, Number(r.value));
      if (String(r.key).startsWith('runtime:')) {
        const runtime = String(r.key).slice('runtime:'.length);
        return { labels: { breaker: 'runtime', target: runtime, runtime }, value };
      }
      return { labels: { breaker: 'agent', target: r.name, ...agentLabels(r) }, value };
    });
  },
  dead_letter_growth: async (db, p, now) =>
    (
      await rows<Row>(
        db,
        sql`select c.cap as label, count(*) as value from tasks t cross join lateral jsonb_array_elements_text(t.capabilities) c(cap)
            where t.status = 'dead-lettered' and t.finished_at >= ${since(now, p.windowMs)} group by 1 limit ${MAX_READINGS}`,
      )
    ).map((r) => ({ labels: { capability: r.label }, value: Number(r.value) })),
  agent_context_used: (db) =>
    agentsWhere(
      db,
      sql`100.0 * context_used / context_window`,
      sql`${LIVE} and context_window > 0 and context_used is not null`,
      false,
    ),
  agent_rate_limited: (db, _p, now) =>
    agentsWhere(
      db,
      sql`extract(epoch from (${at(now)} - coalesce(activity_at, status_changed_at)))`,
      sql`${LIVE} and (activity = 'rate-limited' or parked_until > ${at(now)})`,
      false,
    ),
  pool_at_max_backlog: (db, _p, now) => poolHolds(db, 'max-size', now),
  pool_crash_looping: (db, _p, now) => poolHolds(db, 'crash-loop', now),
  pool_sleep_window_backlog: (db, _p, now) => poolHolds(db, 'sleep-window', now),
  leader_changes: async (db, p, now) => {
    const [r] = await rows<Row>(
      db,
      sql`select count(*) as value from events where name = 'cluster:leader-changed' and at >= ${since(now, p.windowMs)}`,
    );
    return [{ labels: {}, value: Number(r?.value ?? 0) }];
  },
};

export function createAlertReadings(db: Db): AlertReadings {
  return {
    async read(requests, now) {
      const out = new Map<string, Reading[]>();
      for (const req of requests) {
        const reader = READERS[req.metric as MetricName];
        if (!reader) continue;
        const found = await reader(db, req.params, now);
        out.set(
          readingKey(req.metric, req.params),
          found.map((r) => ({ metric: req.metric, ...r })),
        );
      }
      return out;
    },
  };
}
