import type { Sql } from './database';
import { until } from './wait';

/** The leader lease as the database sees it (its own clock decides whether it is live). */
export interface LeaseRow {
  holder: string;
  epoch: number;
  /** When this term began (database clock). */
  acquiredAt: Date;
  live: boolean;
  /** The TTL the holder claimed it with. */
  ttlMs: number;
}

export async function readLease(sql: Sql): Promise<LeaseRow | null> {
  const rows = await sql.tryQuery<{ holder: string; epoch: string; acquired_at: Date; live: boolean; ttl_ms: string }>(
    `select holder, epoch, acquired_at, expires_at > now() as live,
            round(extract(epoch from expires_at - renewed_at) * 1000) as ttl_ms
       from leader_lease where name = 'cluster'`,
  );
  const r = rows?.[0];
  return r
    ? { holder: r.holder, epoch: Number(r.epoch), acquiredAt: r.acquired_at, live: r.live, ttlMs: Number(r.ttl_ms) }
    : null;
}

/** The registered replicas (server processes), by id with their pids. */
export async function listReplicas(sql: Sql): Promise<{ id: string; pid: number }[]> {
  return (await sql.tryQuery<{ id: string; pid: number }>(`select id, pid from replicas order by started_at`)) ?? [];
}

/** Waits until `holder` holds a live lease at an epoch past `pastEpoch`; the lease and how long it took. */
export async function waitForLeader(
  sql: Sql,
  holder: string,
  pastEpoch: number,
  timeoutMs: number,
): Promise<{ lease: LeaseRow; ms: number } | null> {
  const from = Date.now();
  const lease = await until(
    () => readLease(sql),
    (l) => !!l && l.live && l.holder === holder && l.epoch > pastEpoch,
    timeoutMs,
  );
  return lease ? { lease, ms: Date.now() - from } : null;
}

/** Terms begun since `epoch` (the `cluster:leader-changed` events the database logs for each). */
export async function termsAfter(sql: Sql, epoch: number): Promise<{ holder: string; epoch: number }[]> {
  const rows = await sql.query<{ holder: string; epoch: string }>(
    `select payload->>'holder' as holder, payload->>'epoch' as epoch from events
      where name = 'cluster:leader-changed' and (payload->>'epoch')::bigint > $1 order by position`,
    [epoch],
  );
  return rows.map((r) => ({ holder: r.holder, epoch: Number(r.epoch) }));
}

/**
 * What the cluster loops wrote since `since` (database time): the autoscaler's decisions for
 * `poolId` and the sampler's rows. Waits until both have appeared, or `timeoutMs`.
 */
export async function clusterLoopsSince(sql: Sql, poolId: string, since: Date, timeoutMs: number) {
  const read = async () => {
    const [d] = await sql.query<{ at: Date | null; action: string | null }>(
      `select at, action from scale_decisions
        where pool_id = $1 and at > $2 and actor->>'kind' = 'system' order by id limit 1`,
      [poolId, since],
    );
    const [s] = await sql.query<{ at: Date | null }>(`select min(at) as at from metric_samples where at > $1`, [since]);
    return { decision: d ?? null, sampleAt: s?.at ?? null };
  };
  return (await until(read, (r) => !!r.decision && !!r.sampleAt, timeoutMs)) ?? (await read());
}

/**
 * The sampler's rows between two moments. It samples once per interval on one replica, so two
 * rows closer than an interval mean a second writer; the closest pair is returned.
 */
export async function samplesBetween(
  sql: Sql,
  from: Date,
  to: Date,
): Promise<{ count: number; closestMs: number | null }> {
  const rows = await sql.query<{ at: Date }>(`select at from metric_samples where at > $1 and at <= $2 order by at`, [
    from,
    to,
  ]);
  let closest: number | null = null;
  for (let i = 1; i < rows.length; i++) {
    const gap = rows[i].at.getTime() - rows[i - 1].at.getTime();
    closest = closest === null ? gap : Math.min(closest, gap);
  }
  return { count: rows.length, closestMs: closest };
}
