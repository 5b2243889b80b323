import type { Assignment } from '../model';

interface Waiter {
  agentId: string;
  /** Open to an in-process hand-off from the dispatcher (set once the poll found nothing in the store). */
  claimable: boolean;
  claimed: boolean;
  settle(value: Assignment | null): void;
}

export interface PollWait {
  /** Accept hand-offs from now on (call after checking the store found nothing). */
  open(): void;
  /** Resolves with a handed-off assignment, or null on wake-up, timeout or abort. */
  wait(ms: number, signal?: AbortSignal): Promise<Assignment | null>;
  cancel(): void;
}

/**
 * Long-polls waiting for work, by agent. The dispatcher hands an assignment straight to a
 * waiting poll on this replica (no store round trip); otherwise an assignment event wakes
 * the poll so it reads the store.
 */
export class PollWaiters {
  private waiters = new Map<string, Set<Waiter>>();

  register(agentId: string): PollWait {
    let resolve!: (v: Assignment | null) => void;
    let settled = false;
    let result: Assignment | null = null;
    const done = new Promise<Assignment | null>((r) => (resolve = r));
    const w: Waiter = {
      agentId,
      claimable: false,
      claimed: false,
      settle: (v) => {
        if (settled) return;
        settled = true;
        result = v;
        this.remove(w);
        resolve(v);
      },
    };
    const set = this.waiters.get(agentId) ?? new Set();
    set.add(w);
    this.waiters.set(agentId, set);
    return {
      open: () => {
        if (!settled) w.claimable = true;
      },
      cancel: () => {
        if (!w.claimed) w.settle(null);
      },
      wait: async (ms, signal) => {
        if (settled) return result;
        // A claimed poll waits for its hand-off even past its deadline: the task is already promised to it.
        const giveUp = () => {
          if (!w.claimed) w.settle(null);
        };
        const timer = setTimeout(giveUp, ms);
        signal?.addEventListener('abort', giveUp, { once: true });
        try {
          return await done;
        } finally {
          clearTimeout(timer);
          signal?.removeEventListener('abort', giveUp);
        }
      },
    };
  }

  /** Takes one open poll of `agentId`, if any; the caller must then call the returned function exactly once. */
  claim(agentId: string): ((assignment: Assignment | null) => void) | null {
    const set = this.waiters.get(agentId);
    if (!set) return null;
    for (const w of set) {
      if (w.claimable && !w.claimed) {
        w.claimed = true;
        return (a) => w.settle(a);
      }
    }
    return null;
  }

  /** Wakes the polls of `agentId` so they look in the store (work assigned elsewhere). */
  wake(agentId: string): void {
    const set = this.waiters.get(agentId);
    if (!set) return;
    for (const w of [...set]) if (!w.claimed) w.settle(null);
  }

  wakeAll(): void {
    for (const id of [...this.waiters.keys()]) this.wake(id);
  }

  get waiting(): number {
    let n = 0;
    for (const s of this.waiters.values()) n += s.size;
    return n;
  }

  private remove(w: Waiter): void {
    const set = this.waiters.get(w.agentId);
    if (!set) return;
    set.delete(w);
    if (!set.size) this.waiters.delete(w.agentId);
  }
}
