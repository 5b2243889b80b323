import type { LeaderLeaseStore, ReplicaInfo, ReplicaStore } from './ports';

/** Replicas unseen this long leave the Overview's list (a killed one stays visible for a while, marked by its last-seen time). */
export const REPLICA_LIST_WINDOW_MS = 60_000;

export interface ClusterView {
  /** The replica that answered. */
  self: string;
  /** The replica leading now, with the epoch of its term and when the term began (database clock). */
  leader: { id: string; epoch: number; since: number } | null;
  replicas: ReplicaInfo[];
}

/** The replicas, the leader and its epoch: what the Overview's replica panel shows. */
export async function readClusterView(
  store: { lease: LeaderLeaseStore; replicas: ReplicaStore },
  self: string,
): Promise<ClusterView> {
  const [replicas, lease] = await Promise.all([store.replicas.list(REPLICA_LIST_WINDOW_MS), store.lease.current()]);
  // The list flags the holder of a live lease (database clock); an expired lease has no leader.
  const holder = replicas.find((r) => r.leader);
  const leader =
    holder && lease && lease.holder === holder.id
      ? { id: holder.id, epoch: lease.epoch, since: lease.acquiredAt }
      : null;
  return { self, leader, replicas };
}
