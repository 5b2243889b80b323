/** Long-polls waiting for work, by agent: an assignment event wakes that agent's waiters. */
export class PollWaiters {
  private waiters = new Map<string, Set<() => void>>();

  /** Register before checking for work, so a wake-up between check and wait is not missed. */
  register(agentId: string): { wait(ms: number, signal?: AbortSignal): Promise<void>; cancel(): void } {
    let wake!: () => void;
    const woken = new Promise<void>((resolve) => (wake = resolve));
    const set = this.waiters.get(agentId) ?? new Set();
    set.add(wake);
    this.waiters.set(agentId, set);
    const cancel = () => {
      set.delete(wake);
      if (!set.size && this.waiters.get(agentId) === set) this.waiters.delete(agentId);
      wake();
    };
    return {
      cancel,
      wait: (ms, signal) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(done, ms);
          const onAbort = () => done();
          signal?.addEventListener('abort', onAbort, { once: true });
          void woken.then(done);
          function done() {
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
            cancel();
            resolve();
          }
        }),
    };
  }

  wake(agentId: string): void {
    const set = this.waiters.get(agentId);
    if (!set) return;
    for (const w of [...set]) w();
  }

  wakeAll(): void {
    for (const id of [...this.waiters.keys()]) this.wake(id);
  }

  get waiting(): number {
    let n = 0;
    for (const s of this.waiters.values()) n += s.size;
    return n;
  }
}
