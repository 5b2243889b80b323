import type { Assignment } from '../model';
import type { Clock, Store } from '../ports';
import { PollWaiters } from './poll-waiters';

export interface PollWindow {
  max: number;
  deadline: number;
  signal?: AbortSignal;
}

/**
 * The waiting half of `work.poll`: hands-offs from the dispatcher serve a poll directly; the
 * store is read only when an assignment may be waiting there (first poll of an agent on this
 * process, an assignment written by another replica, or one found undelivered by the sweep).
 */
export class AssignmentPoll {
  readonly waiters = new PollWaiters();
  private mayHaveWork = new Set<string>();
  private seen = new Set<string>();
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly onReady: () => void,
    private readonly clock: Clock,
  ) {}

  /** Up to `max` assignments, as soon as there is at least one; empty at the deadline. */
  async next(agentId: string, { max, deadline, signal }: PollWindow): Promise<Assignment[]> {
    for (;;) {
      // Registered before reading the store, so an assignment event in between still wakes us.
      const waits = Array.from({ length: max }, () => this.waiters.register(agentId));
      let found: Assignment[] = [];
      if (this.mayHaveWork.has(agentId) || !this.seen.has(agentId)) {
        this.mayHaveWork.delete(agentId);
        this.seen.add(agentId);
        try {
          found = await this.store.tasks.deliver(agentId, max);
        } catch (e) {
          this.mayHaveWork.add(agentId);
          waits.forEach((w) => w.cancel());
          throw e;
        }
        // A full answer may have left more behind for the next poll.
        if (found.length === max) this.mayHaveWork.add(agentId);
      }
      const remaining = deadline - this.clock.now();
      if (found.length || remaining <= 0 || this.closed || signal?.aborted) {
        waits.forEach((w) => w.cancel());
        return found;
      }
      waits.forEach((w) => w.open());
      this.onReady();
      const pending = waits.map((w) => w.wait(remaining, signal));
      await Promise.race(pending);
      // One dispatch pass settles all the hand-offs it claimed at once; cancelling leaves those alone.
      waits.forEach((w) => w.cancel());
      const handed = (await Promise.all(pending)).filter((a): a is Assignment => a !== null);
      if (handed.length) return handed;
    }
  }

  /** An assignment for the agent was written to the store (not handed off): its polls must look. */
  assignedInStore(agentId: string): void {
    this.mayHaveWork.add(agentId);
    this.waiters.wake(agentId);
  }

  /** Marks agents whose assignments wait in the store undelivered (an event lost between replicas): one query for all. */
  async findAwaitingDelivery(): Promise<void> {
    for (const agentId of await this.store.tasks.agentsAwaitingDelivery()) this.assignedInStore(agentId);
  }

  /** Ends every long-poll (shutdown). */
  close(): void {
    this.closed = true;
    this.waiters.wakeAll();
  }

  get isClosed(): boolean {
    return this.closed;
  }
}
