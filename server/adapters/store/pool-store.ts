import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { PoolStore } from '@/server/core/pools/ports';
import type { PoolSettings } from '@/server/core/pools/pool-input';
import type { Pool, PoolMember, ScaleRecord } from '@/server/core/pools/pool-model';
import { newId } from '@/server/core/shared/ids';
import { ms, rows, toAgent } from './rows';

const COLUMNS: Record<keyof PoolSettings, string> = {
  name: 'name',
  capabilities: 'capabilities',
  provider: 'provider',
  providerSettings: 'provider_settings',
  adapter: 'adapter',
  agentConcurrency: 'agent_concurrency',
  minSize: 'min_size',
  maxSize: 'max_size',
  targetBacklogPerAgent: 'target_backlog_per_agent',
  scaleUpCooldownMs: 'scale_up_cooldown_ms',
  scaleDownCooldownMs: 'scale_down_cooldown_ms',
  idleTimeoutMs: 'idle_timeout_ms',
  sleepWindows: 'sleep_windows',
  timeZone: 'time_zone',
  enabled: 'enabled',
};
const JSON_COLUMNS = new Set(['capabilities', 'provider_settings', 'sleep_windows']);

const value = (column: string, v: unknown) => (JSON_COLUMNS.has(column) ? sql`${JSON.stringify(v)}::jsonb` : sql`${v}`);

function toPool(r: Record<string, any>): Pool {
  return {
    id: r.id,
    name: r.name,
    capabilities: r.capabilities,
    provider: r.provider,
    providerSettings: r.provider_settings ?? {},
    adapter: r.adapter,
    agentConcurrency: Number(r.agent_concurrency),
    minSize: Number(r.min_size),
    maxSize: Number(r.max_size),
    targetBacklogPerAgent: Number(r.target_backlog_per_agent),
    scaleUpCooldownMs: Number(r.scale_up_cooldown_ms),
    scaleDownCooldownMs: Number(r.scale_down_cooldown_ms),
    idleTimeoutMs: Number(r.idle_timeout_ms),
    sleepWindows: r.sleep_windows ?? [],
    timeZone: r.time_zone ?? 'UTC',
    enabled: !!r.enabled,
    hold: r.hold ?? null,
    lastScaleUpAt: ms(r.last_scale_up_at),
    lastScaleDownAt: ms(r.last_scale_down_at),
    createdBy: r.created_by ?? null,
    createdAt: ms(r.created_at) ?? 0,
    updatedAt: ms(r.updated_at) ?? 0,
  };
}

const toRecord = (r: Record<string, any>): ScaleRecord => ({
  id: Number(r.id),
  poolId: r.pool_id,
  at: ms(r.at) ?? 0,
  action: r.action,
  delta: Number(r.delta),
  backlog: Number(r.backlog),
  size: Number(r.size),
  awake: Number(r.awake),
  reason: r.reason,
  inputs: r.inputs ?? {},
  actor: r.actor ?? null,
});

/** Pools, their members' provider handles, scale decisions and size samples. */
export function createPoolStore(db: Db): PoolStore {
  return {
    async create(p) {
      const entries = Object.entries(COLUMNS) as [keyof PoolSettings, string][];
      const cols = sql.raw(entries.map(([, c]) => c).join(', '));
      const vals = sql.join(
        entries.map(([k, c]) => value(c, p[k])),
        sql`, `,
      );
      const [r] = await rows(
        db,
        sql`
        insert into pools (id, ${cols}, created_by) values (${newId('pool', Date.now())}, ${vals}, ${p.createdBy})
        on conflict (name) do nothing returning *`,
      );
      return r ? toPool(r) : null;
    },

    async update(id, patch, by) {
      const sets = (Object.entries(patch) as [keyof PoolSettings, unknown][])
        .filter(([k, v]) => v !== undefined && COLUMNS[k])
        .map(([k, v]) => sql`${sql.raw(COLUMNS[k])} = ${value(COLUMNS[k], v)}`);
      const [r] = await rows(
        db,
        sql`update pools set ${sql.join([...sets, sql`updated_at = now()`, sql`updated_by = ${by ? JSON.stringify(by) : null}::jsonb`], sql`, `)} where id = ${id} returning *`,
      );
      return r ? toPool(r) : null;
    },

    async remove(id) {
      const r = await rows(db, sql`delete from pools where id = ${id} returning id`);
      await rows(db, sql`delete from pool_samples where pool_id = ${id}`);
      return r.length > 0;
    },

    async get(id) {
      const [r] = await rows(db, sql`select * from pools where id = ${id} or name = ${id}`);
      return r ? toPool(r) : null;
    },

    async list() {
      return (await rows(db, sql`select * from pools order by name`)).map(toPool);
    },

    async backlog(capabilities) {
      const [r] = await rows<{ n: number }>(
        db,
        sql`
        select count(*)::int as n from tasks where status = 'queued' and capabilities <@ ${JSON.stringify(capabilities)}::jsonb`,
      );
      return Number(r?.n ?? 0);
    },

    async agentsOf(poolId) {
      return (
        await rows(
          db,
          sql`
        select a.*, coalesce(c.n, 0) as active_tasks from agents a
        left join (select agent_id, count(*)::int as n from tasks where status in ('assigned', 'running') and agent_id in
          (select id from agents where pool_id = ${poolId}) group by agent_id) c on c.agent_id = a.id
        where a.pool_id = ${poolId} and a.status <> 'terminated' order by a.name`,
        )
      ).map(toAgent);
    },

    async members(poolId) {
      return (await rows(db, sql`select * from pool_members where pool_id = ${poolId}`)).map(toMember);
    },

    async member(agentId) {
      const [r] = await rows(db, sql`select * from pool_members where agent_id = ${agentId}`);
      return r ? toMember(r) : null;
    },

    async saveMember(m) {
      await rows(
        db,
        sql`
        insert into pool_members (agent_id, pool_id, ref, running, restarts, started_at)
        values (${m.agentId}, ${m.poolId}, ${m.ref}, ${m.running}, ${m.restarts ?? 0}, case when ${m.running}::boolean then now() end)
        on conflict (agent_id) do update set pool_id = excluded.pool_id, ref = excluded.ref, running = excluded.running,
          restarts = coalesce(${m.restarts ?? null}::int, pool_members.restarts),
          started_at = case when excluded.running and not pool_members.running then now() else pool_members.started_at end`,
      );
    },

    async recordExit(agentId, exit) {
      await rows(
        db,
        sql`update pool_members set last_exit = ${JSON.stringify(exit)}::jsonb where agent_id = ${agentId}`,
      );
    },

    async setHold(poolId, hold) {
      // Compare-and-set on the key: of concurrent ticks (or replicas) one sees the change.
      const changed = hold
        ? await rows(
            db,
            sql`update pools set hold = ${JSON.stringify(hold)}::jsonb
            where id = ${poolId} and (hold is null or hold->>'key' <> ${hold.key}) returning id`,
          )
        : await rows(db, sql`update pools set hold = null where id = ${poolId} and hold is not null returning id`);
      return changed.length > 0;
    },

    async deleteMember(agentId) {
      await rows(db, sql`delete from pool_members where agent_id = ${agentId}`);
    },

    async markScaled(poolId, direction) {
      await rows(
        db,
        direction === 'up'
          ? sql`update pools set last_scale_up_at = now() where id = ${poolId}`
          : sql`update pools set last_scale_down_at = now() where id = ${poolId}`,
      );
    },

    async recordDecision(d) {
      const [r] = await rows(
        db,
        sql`
        insert into scale_decisions (pool_id, action, delta, backlog, size, awake, reason, inputs, actor)
        values (${d.poolId}, ${d.action}, ${d.delta}, ${d.backlog}, ${d.size}, ${d.awake}, ${d.reason}, ${JSON.stringify(d.inputs)}::jsonb, ${d.actor ? JSON.stringify(d.actor) : null}::jsonb)
        returning *`,
      );
      return toRecord(r);
    },

    async decisions(poolId, limit) {
      return (
        await rows(db, sql`select * from scale_decisions where pool_id = ${poolId} order by id desc limit ${limit}`)
      ).map(toRecord);
    },

    async recordSample(poolId, s) {
      await rows(
        db,
        sql`insert into pool_samples (pool_id, size, awake, busy, backlog) values (${poolId}, ${s.size}, ${s.awake}, ${s.busy}, ${s.backlog})`,
      );
    },

    async samples(poolId, { from, to, bucketMs }) {
      // Peaks, not means: a pool that reached 3 agents for a moment shows 3, not 1.4.
      return (
        await rows(
          db,
          sql`
        select floor(extract(epoch from at) * 1000 / ${bucketMs})::bigint * ${bucketMs} as bucket,
          max(size) as size, max(awake) as awake, max(busy) as busy, max(backlog) as backlog
        from pool_samples where pool_id = ${poolId} and at >= ${new Date(from)} and at < ${new Date(to)}
        group by 1 order by 1`,
        )
      ).map((r) => ({
        at: Number(r.bucket),
        size: Number(r.size),
        awake: Number(r.awake),
        busy: Number(r.busy),
        backlog: Number(r.backlog),
      }));
    },

    async prune(keepMs, keepDecisions) {
      await rows(db, sql`delete from pool_samples where at < now() - ${keepMs}::bigint * interval '1 millisecond'`);
      await rows(
        db,
        sql`
        delete from scale_decisions d using (
          select id, row_number() over (partition by pool_id order by id desc) as n from scale_decisions
        ) ranked where d.id = ranked.id and ranked.n > ${keepDecisions}`,
      );
    },
  };
}

function toMember(r: Record<string, unknown>): PoolMember {
  return {
    agentId: r.agent_id as string,
    poolId: r.pool_id as string,
    ref: (r.ref ?? null) as string | null,
    running: !!r.running,
    restarts: Number(r.restarts),
    startedAt: ms(r.started_at),
    lastExit: (r.last_exit ?? null) as PoolMember['lastExit'],
  };
}
