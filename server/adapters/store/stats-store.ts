import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { AGENT_STATES, PRIORITIES, priorityName, type AgentState, type Priority } from '@/server/core/model';
import type { StatsStore } from '@/server/core/metrics/ports';
import { agentStatus } from '@/server/core/registry/agent-status';
import { readDecisionInputs } from './decision-inputs';
import { fromJson, ms, rows } from './rows';
import { rollUpSamples } from './sample-rollups';
import { readSeries, SAMPLE_MS } from './series-reads';

const zeroes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const window = (windowMs: number) => sql`now() - ${Math.round(windowMs)}::int * interval '1 millisecond'`;

export function createStatsStore(db: Db): StatsStore {
  async function finishedCounts(windowMs: number) {
    const [done] = await rows(
      db,
      sql`
      select count(*) filter (where status = 'succeeded')::int as s, count(*) filter (where status in ('failed', 'dead-lettered'))::int as f
      from tasks where finished_at > ${window(windowMs)}`,
    );
    return { succeeded: Number(done?.s ?? 0), failed: Number(done?.f ?? 0) };
  }

  return {
    async queueDepth() {
      const out = zeroes(PRIORITIES);
      for (const r of await rows(
        db,
        sql`select priority, count(*)::int as n from tasks where status = 'queued' group by priority`,
      )) {
        out[priorityName(Number(r.priority)) as Priority] = Number(r.n);
      }
      return out;
    },

    async agentsByStatus() {
      const out = zeroes(AGENT_STATES);
      for (const r of await rows(
        db,
        sql`
        select a.status, exists (select 1 from tasks t where t.agent_id = a.id and t.status in ('assigned', 'running')) as holds, count(*)::int as n
        from agents a group by 1, 2`,
      )) {
        out[agentStatus(r.status as AgentState, r.holds ? 1 : 0)] += Number(r.n);
      }
      return out;
    },

    async activeCounts() {
      const [r] = await rows(
        db,
        sql`
        select count(*) filter (where status = 'assigned')::int as assigned, count(*) filter (where status = 'running')::int as running
        from tasks where status in ('assigned', 'running')`,
      );
      return { assigned: Number(r?.assigned ?? 0), running: Number(r?.running ?? 0) };
    },

    finishedCounts,

    async recent(windowMs) {
      const done = await finishedCounts(windowMs);
      const [lat] = await rows(
        db,
        sql`
        select percentile_cont(0.5) within group (order by extract(epoch from (assigned_at - queued_at)) * 1000) as p50,
               percentile_cont(0.95) within group (order by extract(epoch from (assigned_at - queued_at)) * 1000) as p95
        from task_attempts where assigned_at > ${window(windowMs)}`,
      );
      const round = (v: unknown) => (v == null ? null : Math.round(Number(v) * 100) / 100);
      return { ...done, dispatchP50Ms: round(lat?.p50), dispatchP95Ms: round(lat?.p95) };
    },

    async decisionTimes(windowMs) {
      const [r] = await rows(
        db,
        sql`
        select percentile_cont(0.5) within group (order by duration_us) as p50, percentile_cont(0.95) within group (order by duration_us) as p95
        from assignment_decisions where decided_at > ${window(windowMs)}`,
      );
      return {
        p50Us: r?.p50 == null ? null : Math.round(Number(r.p50)),
        p95Us: r?.p95 == null ? null : Math.round(Number(r.p95)),
      };
    },

    async recordSample(s) {
      await db.execute(sql`insert into metric_samples (at, queued, agents, succeeded, failed, dispatch_p95_ms, imbalance, utilisation, utilisation_mean, routable_agents)
        values (${new Date(s.at)}, ${JSON.stringify(s.queued)}::jsonb, ${JSON.stringify(s.agents)}::jsonb, ${s.succeeded}, ${s.failed}, ${s.dispatchP95Ms},
          ${s.imbalance}, ${JSON.stringify(s.utilisation)}::json, ${s.utilisationMean}, ${s.routableAgents})`);
    },

    decisionInputs: (limit) => readDecisionInputs(db, limit),

    async pruneDecisions(keep) {
      // The cut-off is the keep-th newest decision; the index on decided_at makes both steps cheap.
      const [cut] = await rows(
        db,
        sql`select decided_at from assignment_decisions order by decided_at desc offset ${keep} limit 1`,
      );
      if (!cut) return 0;
      const gone = await rows(
        db,
        sql`delete from assignment_decisions where decided_at <= ${cut.decided_at as Date} returning 1`,
      );
      return gone.length;
    },

    async assignmentsByAgent(windowMs) {
      const found = await rows(
        db,
        sql`
        select winner_agent_id, max(winner_agent_name) as name, count(*)::int as n from assignment_decisions
        where decided_at > ${window(windowMs)} group by winner_agent_id order by n desc, name limit 200`,
      );
      return found.map((r) => ({
        agentId: r.winner_agent_id as string,
        agentName: r.name as string,
        assignments: Number(r.n),
      }));
    },

    series: (window) => readSeries(db, window),

    async utilisationSamples({ from, to, strideMs }) {
      // The first row of each stride slot that saw routable agents (else its first): one aggregate pass over
      // the range per table, then index look-ups. A fresh server's first samples predate its agents.
      const slot = sql`floor(extract(epoch from at) * 1000 / ${Math.max(SAMPLE_MS, strideMs)})`;
      const firstOf = (table: string) => sql`
        select at, utilisation, utilisation_mean, routable_agents, ${slot} as slot from ${sql.raw(table)} where at in (
          select coalesce(min(at) filter (where routable_agents > 0), min(at)) from ${sql.raw(table)}
          where at >= ${new Date(from)} and at < ${new Date(to)} group by ${slot})`;
      const found = await rows(
        db,
        sql`
        select distinct on (slot) * from (${firstOf('metric_samples')} union all ${firstOf('metric_rollups')}) s
        order by slot, routable_agents > 0 desc, at`,
      );
      return found.map((r) => ({
        at: ms(r.at)!,
        utilisation: fromJson<Record<string, number> | null>(r.utilisation) ?? {},
        mean: r.utilisation_mean == null ? null : Number(r.utilisation_mean),
        agents: Number(r.routable_agents),
      }));
    },

    async pruneSamples(olderThanMs) {
      const cut = new Date(olderThanMs);
      const raw = await rows(db, sql`delete from metric_samples where at < ${cut} returning 1`);
      const rolled = await rows(db, sql`delete from metric_rollups where at < ${cut} returning 1`);
      return raw.length + rolled.length;
    },

    rollUpSamples: (step) => rollUpSamples(db, step),
  };
}
