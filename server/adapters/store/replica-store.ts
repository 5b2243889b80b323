import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { ReplicaStore } from '@/server/core/cluster/ports';
import { CLUSTER_LEASE } from './lease-store';
import { ms, rows } from './rows';

/** The server processes on this database; last seen and the leader flag on the database clock. */
export function createReplicaStore(db: Db): ReplicaStore {
  return {
    async heartbeat(r) {
      await db.execute(sql`
        insert into replicas (id, host, pid, version, started_at, last_seen_at)
        values (${r.id}, ${r.host}, ${r.pid}, ${r.version}, ${new Date(r.startedAt)}, now())
        on conflict (id) do update set
          host = excluded.host, pid = excluded.pid, version = excluded.version, last_seen_at = now()`);
    },

    async list(staleAfterMs) {
      const found = await rows(
        db,
        sql`
        select r.*, l.epoch
        from replicas r
        left join leader_lease l on l.name = ${CLUSTER_LEASE} and l.holder = r.id and l.expires_at > now()
        where r.last_seen_at > now() - ${staleAfterMs}::bigint * interval '1 millisecond'
        order by r.started_at, r.id`,
      );
      return found.map((r) => ({
        id: r.id as string,
        host: r.host as string,
        pid: Number(r.pid),
        version: r.version as string,
        startedAt: ms(r.started_at) ?? 0,
        lastSeenAt: ms(r.last_seen_at) ?? 0,
        leader: r.epoch != null,
        epoch: r.epoch == null ? null : Number(r.epoch),
      }));
    },

    async remove(id) {
      await db.execute(sql`delete from replicas where id = ${id}`);
    },

    async prune(unseenForMs) {
      const gone = await rows(
        db,
        sql`delete from replicas where last_seen_at < now() - ${unseenForMs}::bigint * interval '1 millisecond' returning 1`,
      );
      return gone.length;
    },
  };
}
