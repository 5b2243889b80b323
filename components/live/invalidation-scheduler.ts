/**
 * Collects stale keys and flushes them at most once per `delayMs`: a lone event flushes at once,
 * a burst is coalesced, and a steady stream still flushes every window (a throttle, not a
 * debounce). Slow keys get their own, longer window.
 */
export class InvalidationScheduler {
  private readonly lanes = {
    fast: {
      pending: new Set<string>(),
      timer: undefined as ReturnType<typeof setTimeout> | undefined,
      last: -Infinity,
    },
    slow: {
      pending: new Set<string>(),
      timer: undefined as ReturnType<typeof setTimeout> | undefined,
      last: -Infinity,
    },
  };

  constructor(
    private readonly flush: (keys: Set<string>) => void,
    private readonly opts: { delayMs: number; slowDelayMs: number; slowKeys: ReadonlySet<string> },
  ) {}

  add(keys: Iterable<string>): void {
    for (const key of keys) this.lanes[this.opts.slowKeys.has(key) ? 'slow' : 'fast'].pending.add(key);
    this.arm('fast', this.opts.delayMs);
    this.arm('slow', this.opts.slowDelayMs);
  }

  dispose(): void {
    for (const lane of Object.values(this.lanes)) {
      clearTimeout(lane.timer);
      lane.timer = undefined;
      lane.pending.clear();
    }
  }

  private arm(name: 'fast' | 'slow', windowMs: number): void {
    const lane = this.lanes[name];
    if (!lane.pending.size || lane.timer) return;
    // Zero wait still goes through a timer so the keys of events arriving in the same tick share one flush.
    const wait = Math.max(0, lane.last + windowMs - Date.now());
    lane.timer = setTimeout(() => {
      const keys = lane.pending;
      lane.pending = new Set();
      lane.timer = undefined;
      lane.last = Date.now();
      if (keys.size) this.flush(keys);
    }, wait);
  }
}
