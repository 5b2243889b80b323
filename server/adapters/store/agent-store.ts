import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { AgentActivityState, AgentState } from '@/server/core/model';
import type { AgentStore, HeartbeatOutcome, HeartbeatReport, NewAgent } from '@/server/core/registry/ports';
import { newId } from '@/server/core/shared/ids';
import { DEFAULT_LEASE_POLICY, type LeasePolicy } from '@/server/core/work/lease-policy';
import { countAgents, pageAgents, pruneTerminatedAgents } from './agent-reads';
import { Batcher } from './batcher';
import { ms, rows, toAgent } from './rows';

const ACTIVE_COUNTS = sql`(select agent_id, count(*)::int as n, max(assigned_at) as since from tasks where status in ('assigned', 'running') group by agent_id)`;
const WITH_ACTIVE = sql`select a.*, coalesce(c.n, 0) as active_tasks, c.since as work_since from agents a left join ${ACTIVE_COUNTS} c on c.agent_id = a.id`;

type HeartbeatRow = HeartbeatReport & { id: string };
type HeartbeatResult = HeartbeatOutcome | null;

/** A rate limit without a stated reset parks the agent this long. */
const DEFAULT_PARK_MS = 60_000;

/** Heartbeats and poll touches arrive from every agent all the time: one statement per batch. */
function heartbeatBatcher(db: Db, stallTimeoutMs: number) {
  return new Batcher<HeartbeatRow, HeartbeatResult>(async (items) => {
    const values = sql.join(
      items.map(
        (h) => sql`(${h.id}, ${h.load ?? null}::real, ${h.contextUsed ?? null}::int, ${h.contextWindow ?? null}::int,
      ${h.activity?.state ?? null}::text, ${h.activity?.detail ?? null}::text, ${h.activity?.resetAt ? new Date(h.activity.resetAt) : null}::timestamptz,
      ${h.sessionId !== undefined}::boolean, ${h.sessionId ?? null}::text)`,
      ),
      sql`, `,
    );
    const found = await rows<Record<string, unknown>>(
      db,
      sql`
      with v(id, load, context_used, context_window, activity, detail, reset_at, session_set, session_id) as (values ${values}),
      prev as (select a.id, a.status, a.activity from agents a where a.id in (select id from v)),
      -- A sign of life renews the lease of the agent's running work, once half of it is gone
      -- (not on every heartbeat: that would rewrite each running task's row every few seconds).
      renew as (update tasks t set lease_expires_at = now() + ${stallTimeoutMs}::int * interval '1 millisecond'
        where t.agent_id in (select id from v) and t.status = 'running'
          and t.lease_expires_at < now() + ${Math.round(stallTimeoutMs / 2)}::int * interval '1 millisecond')
      update agents a set
        last_seen_at = now(), last_heartbeat_at = now(),
        load = coalesce(v.load, a.load),
        context_used = coalesce(v.context_used, a.context_used),
        context_window = coalesce(v.context_window, a.context_window),
        status = case when a.status in ('starting', 'stopped', 'unhealthy', 'offline') then 'idle' else a.status end,
        status_changed_at = case when a.status in ('starting', 'stopped', 'unhealthy', 'offline') then now() else a.status_changed_at end,
        status_reason = case when a.status in ('starting', 'stopped', 'unhealthy', 'offline')
          then case when a.status = 'starting' then 'first heartbeat' else 'heard from again' end else a.status_reason end,
        activity = coalesce(v.activity, a.activity),
        activity_detail = case when v.activity is null then a.activity_detail else v.detail end,
        activity_at = case when v.activity is not null and v.activity is distinct from a.activity then now() else a.activity_at end,
        -- Parked by a rate limit until its reset; any other reported activity lifts it.
        parked_until = case
          when v.activity = 'rate-limited' then coalesce(v.reset_at, now() + ${DEFAULT_PARK_MS}::int * interval '1 millisecond')
          when v.activity is not null then null
          else a.parked_until end,
        session_id = case when v.session_set then v.session_id else a.session_id end
      from v where a.id = v.id
      returning a.id, a.status, a.context_used, a.context_window, a.parked_until, a.activity, a.activity_detail,
        (select p.status from prev p where p.id = a.id) as previous,
        (select p.activity from prev p where p.id = a.id) as previous_activity`,
    );
    const byId = new Map(
      found.map((r) => [
        r.id as string,
        {
          previous: r.previous as AgentState,
          status: r.status as AgentState,
          contextUsed: r.context_used == null ? null : Number(r.context_used),
          contextWindow: r.context_window == null ? null : Number(r.context_window),
          parkedUntil: ms(r.parked_until),
          activity: (r.activity ?? null) as AgentActivityState | null,
          activityChanged: r.activity !== r.previous_activity,
          activityDetail: (r.activity_detail ?? null) as string | null,
        },
      ]),
    );
    return items.map((h) => byId.get(h.id) ?? null);
  });
}

export function createAgentStore(db: Db, lease: LeasePolicy = DEFAULT_LEASE_POLICY): AgentStore {
  const heartbeats = heartbeatBatcher(db, lease.stallTimeoutMs);
  return {
    async upsert(a: NewAgent) {
      const [r] = await rows(
        db,
        sql`
        with prev as (select status from agents where name = ${a.name})
        insert into agents (id, name, runtime, capabilities, max_concurrency, labels, status, token_hash, context_window, pool_id, status_reason)
        values (${newId('agt', Date.now())}, ${a.name}, ${a.runtime}, ${JSON.stringify(a.capabilities)}::jsonb, ${a.maxConcurrency},
                ${JSON.stringify(a.labels)}::jsonb, 'starting', ${a.tokenHash}, ${a.contextWindow}, ${a.poolId ?? null}, 'registered')
        on conflict (name) do update set
          runtime = excluded.runtime, capabilities = excluded.capabilities, max_concurrency = excluded.max_concurrency,
          labels = excluded.labels, token_hash = excluded.token_hash, status = 'starting',
          context_window = coalesce(excluded.context_window, agents.context_window),
          pool_id = coalesce(excluded.pool_id, agents.pool_id), parked_until = null,
          activity = null, activity_detail = null, activity_at = null,
          last_seen_at = now(), status_changed_at = now(), status_reason = 're-registered'
        returning *, (select status from prev) as previous`,
      );
      return { agent: toAgent(r), created: r.previous == null, previous: (r.previous ?? null) as AgentState | null };
    },

    async get(id) {
      const [r] = await rows(db, sql`${WITH_ACTIVE} where a.id = ${id}`);
      return r ? toAgent(r) : null;
    },

    async byTokenHash(hash) {
      const [r] = await rows<{ id: string; name: string; status: AgentState }>(
        db,
        sql`select id, name, status from agents where token_hash = ${hash}`,
      );
      return r ?? null;
    },

    page: (query, countTotal) => pageAgents(db, query, countTotal),
    counts: () => countAgents(db),
    pruneTerminated: (retentionMs) => pruneTerminatedAgents(db, retentionMs),

    async live() {
      return (await rows(db, sql`${WITH_ACTIVE} where a.status not in ('offline', 'terminated')`)).map(toAgent);
    },

    heartbeat: (id, report) => heartbeats.run({ id, ...report }),

    async setStatus(id, status, reason, onlyFrom) {
      const guard = onlyFrom?.length
        ? sql` and status in (${sql.join(
            onlyFrom.map((s) => sql`${s}`),
            sql`, `,
          )})`
        : sql``;
      const [r] = await rows<{ previous: AgentState }>(
        db,
        sql`
        with prev as (select status from agents where id = ${id})
        update agents set status = ${status}, status_changed_at = now(), status_reason = ${reason}
        where id = ${id}${guard}
        returning (select status from prev) as previous`,
      );
      return r ?? null;
    },

    async markStopped(id, onlyFrom, reason) {
      const [r] = await rows<{ previous: AgentState }>(
        db,
        sql`
        with prev as (select status from agents where id = ${id})
        update agents set status = 'stopped', status_changed_at = now(), status_reason = ${reason},
          activity = null, activity_detail = null, activity_at = null
        where id = ${id} and status in (${sql.join(
          onlyFrom.map((s) => sql`${s}`),
          sql`, `,
        )})
        returning (select status from prev) as previous`,
      );
      return r ?? null;
    },

    async sleep(id, reason) {
      // The row lock first, then a fresh snapshot: an assignment committed while we waited for
      // the lock is seen, so an agent holding work is never put to sleep.
      return db.transaction(async (tx) => {
        const [locked] = await rows<{ status: AgentState }>(
          tx as unknown as Db,
          sql`select status from agents where id = ${id} for update`,
        );
        if (!locked) return null;
        const [r] = await rows<{ active: number }>(
          tx as unknown as Db,
          sql`
          select count(*)::int as active from tasks where agent_id = ${id} and status in ('assigned', 'running')`,
        );
        const active = Number(r?.active ?? 0);
        if (locked.status !== 'idle' || active > 0) return { slept: false, previous: locked.status, active };
        await rows(
          tx as unknown as Db,
          sql`update agents set status = 'sleeping', status_changed_at = now(), status_reason = ${reason} where id = ${id}`,
        );
        return { slept: true, previous: locked.status, active: 0 };
      });
    },

    async sweepSilent(unhealthyAfterMs, offlineAfterMs) {
      return rows<{ id: string; previous: AgentState; status: AgentState }>(
        db,
        sql`
        with c as (
          select id, status as previous,
            case when last_seen_at < now() - ${offlineAfterMs}::int * interval '1 millisecond' then 'offline' else 'unhealthy' end as next
          from agents
          -- Not sleeping, stopped, offline or terminated: those are not expected to heartbeat.
          where status in ('starting', 'idle', 'draining', 'unhealthy')
            and last_seen_at < now() - ${unhealthyAfterMs}::int * interval '1 millisecond'
          for update
        )
        update agents a set status = c.next, status_changed_at = now(),
          status_reason = 'no heartbeat for ' || round(case when c.next = 'offline' then ${offlineAfterMs}::int else ${unhealthyAfterMs}::int end / 1000.0) || ' s'
        from c where a.id = c.id and c.next <> c.previous
        returning a.id, c.previous, a.status`,
      );
    },
  };
}
