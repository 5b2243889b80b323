import type { LeaderLeaseStore, LeaseState } from '../cluster/ports';

/** The lease row in memory, on a clock the test moves (the "database clock"); same rules as the SQL. */
export class MemoryLease implements LeaderLeaseStore {
  row: LeaseState | null = null;
  /** Set to make the next calls fail (a database that is down). */
  failWith: Error | null = null;

  constructor(private readonly now: () => number) {}

  async claim(replica: string, ttlMs: number): Promise<LeaseState> {
    if (this.failWith) throw this.failWith;
    const now = this.now();
    const r = this.row;
    if (!r || r.expiresAt <= now) {
      this.row = { holder: replica, epoch: (r?.epoch ?? 0) + 1, acquiredAt: now, expiresAt: now + ttlMs };
    } else if (r.holder === replica) {
      this.row = { ...r, expiresAt: now + ttlMs };
    }
    return { ...this.row! };
  }

  async release(replica: string, epoch: number): Promise<boolean> {
    if (this.failWith) throw this.failWith;
    const r = this.row;
    if (!r || r.holder !== replica || r.epoch !== epoch || r.expiresAt <= this.now()) return false;
    this.row = { ...r, expiresAt: this.now() };
    return true;
  }

  async current(): Promise<LeaseState | null> {
    if (this.failWith) throw this.failWith;
    return this.row && { ...this.row };
  }
}
