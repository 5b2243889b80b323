import { lapsedLeases } from './invariants';
import { check, type Check, type Suite } from './scenario';
import type { Workload } from './workload';
import { sleep } from './wait';

/** The lease sweep runs every second: a lease lapsed for longer than this should have been settled. */
const GRACE_MS = 3_000;
/** …and still lapsed this much later: nobody is going to (not merely the database just back). */
const CONFIRM_MS = 2_000;
const EVERY_MS = 1_000;

/**
 * Samples the state invariant while the scenario runs (after the drain every task is terminal,
 * which says nothing about leases): no task may stay assigned or running on a lapsed lease.
 */
export class LeaseSampler {
  private readonly offenders = new Set<string>();
  /** Lapsed in the last sample: since when. */
  private readonly suspects = new Map<string, number>();
  private samples = 0;
  private running = true;
  private readonly loop: Promise<void>;

  constructor(
    private readonly suite: Suite,
    private readonly workload: Workload,
  ) {
    this.loop = this.sample();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  verdict(): Check {
    if (!this.suite.leaseColumn) return check('leases live during the run', true, 'not checked: no lease column');
    return check(
      'leases live during the run',
      this.offenders.size === 0,
      `${this.offenders.size} tasks held on a lease lapsed > ${(GRACE_MS + CONFIRM_MS) / 1000} s, over ${this.samples} samples${this.offenders.size ? ` (e.g. ${[...this.offenders].slice(0, 3).join(', ')})` : ''}`,
    );
  }

  private async sample(): Promise<void> {
    while (this.running) {
      const found = await lapsedLeases(this.suite.sql, this.workload.ids, this.suite.leaseColumn, GRACE_MS);
      if (found) {
        this.samples++;
        const now = Date.now();
        for (const id of [...this.suspects.keys()]) if (!found.includes(id)) this.suspects.delete(id);
        for (const id of found) {
          const since = this.suspects.get(id) ?? now;
          this.suspects.set(id, since);
          if (now - since >= CONFIRM_MS) this.offenders.add(id);
        }
      }
      await sleep(EVERY_MS);
    }
  }
}
