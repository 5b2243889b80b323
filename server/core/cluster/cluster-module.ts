import type { CoreDeps, CoreModule } from '../shared/core-module';
import { Ticker } from '../shared/ticker';
import { Leadership, type LeadershipHooks } from './leadership';
import type { ReplicaInfo } from './ports';

/** Who this server process is, as the replica list shows it. */
export type ReplicaIdentity = Omit<ReplicaInfo, 'lastSeenAt' | 'leader' | 'epoch'>;

export interface ClusterOptions {
  replica?: ReplicaIdentity;
  leaseTtlMs?: number;
  leaseRenewMs?: number;
}

/** How often a replica says it is alive. */
export const REPLICA_HEARTBEAT_MS = 2_000;
/** Replicas unseen this long are forgotten (killed ones never remove themselves). */
const FORGET_REPLICA_MS = 3_600_000;

/** This replica in the cluster: its registration, its heartbeat, and the leader lease it competes for. */
export function createClusterModule(deps: CoreDeps, opts: ClusterOptions, hooks: LeadershipHooks) {
  const { store, clock, log } = deps;
  const replica: ReplicaIdentity = opts.replica ?? {
    id: 'replica',
    host: 'localhost',
    pid: 0,
    version: 'dev',
    startedAt: clock.now(),
  };
  const leadership = new Leadership(
    store.lease,
    deps.fence,
    clock,
    log.child({ part: 'leadership', replica: replica.id }),
    { replica: replica.id, ttlMs: opts.leaseTtlMs, renewMs: opts.leaseRenewMs },
    hooks,
  );
  const heartbeat = new Ticker(
    'replica-heartbeat',
    REPLICA_HEARTBEAT_MS,
    () => store.replicas.heartbeat(replica),
    clock,
    log,
    { scope: 'replica' },
  );
  const module: CoreModule = {
    name: 'cluster',
    loops: [
      heartbeat,
      new Ticker(
        'replica-pruner',
        600_000,
        async () => void (await store.replicas.prune(FORGET_REPLICA_MS)),
        clock,
        log,
        { scope: 'cluster' },
      ),
    ],
  };
  return {
    replica,
    leadership,
    module,
    /** Registered before it competes for the lease, so the leader is always in the replica list. */
    async join(): Promise<void> {
      await heartbeat.runOnce();
      await leadership.start();
    },
    /** A clean stop: the lease handed over first, then the replica leaves the list. */
    async leave(): Promise<void> {
      await leadership.stop();
      await store.replicas
        .remove(replica.id)
        .catch((err) => log.warn({ err }, 'replica not removed from the list; it ages out'));
    },
  };
}
