import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { LeaderLeaseStore, LeaseState } from '@/server/core/cluster/ports';
import { ms, rows } from './rows';

/** The one lease row; the PostgreSQL write fence reads the same row. */
export const CLUSTER_LEASE = 'cluster';

type LeaseRow = { holder: string; epoch: string | number; acquired_at: unknown; expires_at: unknown };

const toLease = (r: LeaseRow): LeaseState => ({
  holder: r.holder,
  epoch: Number(r.epoch),
  acquiredAt: ms(r.acquired_at) ?? 0,
  expiresAt: ms(r.expires_at) ?? 0,
});

/** The leader lease on the database's clock (`now()`): the same statements on PGlite and PostgreSQL. */
export function createLeaseStore(db: Db): LeaderLeaseStore {
  const current = async () => {
    const [r] = await rows<LeaseRow>(db, sql`select * from leader_lease where name = ${CLUSTER_LEASE}`);
    return r ? toLease(r) : null;
  };
  return {
    async claim(replica, ttlMs) {
      // One statement: taken when free or expired (a new term: epoch + 1, even for the same holder
      // after its own lease lapsed), renewed when live and ours; another's live lease is left alone.
      const [taken] = await rows<LeaseRow>(
        db,
        sql`
        insert into leader_lease as l (name, holder, epoch, acquired_at, renewed_at, expires_at)
        values (${CLUSTER_LEASE}, ${replica}, 1, now(), now(), now() + ${ttlMs}::bigint * interval '1 millisecond')
        on conflict (name) do update set
          holder = excluded.holder,
          epoch = case when l.expires_at > now() then l.epoch else l.epoch + 1 end,
          acquired_at = case when l.expires_at > now() then l.acquired_at else now() end,
          renewed_at = now(),
          expires_at = excluded.expires_at
        where (l.holder = excluded.holder and l.expires_at > now()) or l.expires_at <= now()
        returning *`,
      );
      if (taken) return toLease(taken);
      // Another replica holds a live lease (or took it between the statement and this read).
      const held = await current();
      if (!held) throw new Error('the leader lease row vanished during a claim');
      return held;
    },

    async release(replica, epoch) {
      // Expired now, holder and epoch kept: the next claim, by anyone, starts a new term.
      const gone = await rows(
        db,
        sql`
        update leader_lease set expires_at = now()
        where name = ${CLUSTER_LEASE} and holder = ${replica} and epoch = ${epoch} and expires_at > now()
        returning 1`,
      );
      return gone.length > 0;
    },

    current,
  };
}
