/** The cluster lease as the database holds it; times are the database clock, in ms. */
export interface LeaseState {
  holder: string;
  epoch: number;
  acquiredAt: number;
  expiresAt: number;
}

/**
 * One lease per cluster: its holder runs the cluster loops. The epoch grows with every new term
 * (a new holder, or the same one after its lease lapsed) and is the fencing token of its writes.
 */
export interface LeaderLeaseStore {
  /** Takes the lease when free or expired (epoch + 1), or renews it when `replica` holds it (same epoch); answers the lease as it is after the call (another holder's when it is taken). Database clock. */
  claim(replica: string, ttlMs: number): Promise<LeaseState>;
  /** Gives it up at a clean stop, so another replica takes over at once; false if it had moved on. */
  release(replica: string, epoch: number): Promise<boolean>;
  current(): Promise<LeaseState | null>;
}

/** Runs a cluster loop's tick so that every write it makes is refused once the lease has moved past `epoch`. */
export interface WriteFence {
  run<T>(epoch: number, fn: () => Promise<T>): Promise<T>;
}

export interface ReplicaInfo {
  id: string;
  host: string;
  pid: number;
  version: string;
  startedAt: number;
  lastSeenAt: number;
  leader: boolean;
  epoch: number | null;
}

/** Each server process registers itself and says it is alive; the Overview lists them. */
export interface ReplicaStore {
  heartbeat(r: Omit<ReplicaInfo, 'lastSeenAt' | 'leader' | 'epoch'>): Promise<void>;
  /** Replicas seen within `staleAfterMs` (database clock), the lease holder flagged with its epoch. */
  list(staleAfterMs: number): Promise<ReplicaInfo[]>;
  remove(id: string): Promise<void>;
  /** Forgets replicas unseen for this long (killed ones never remove themselves); answers how many. */
  prune(unseenForMs: number): Promise<number>;
}
