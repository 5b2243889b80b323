import type { Clock } from '../ports';

/** A clock whose sleeps end only when the test moves time past them (timeouts raced against answers). */
export class ManualClock implements Clock {
  private sleepers: { until: number; wake: () => void }[] = [];
  constructor(public t = 1_700_000_000_000) {}

  now(): number {
    return this.t;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const s = { until: this.t + ms, wake: resolve };
      this.sleepers.push(s);
      signal?.addEventListener('abort', () => {
        this.sleepers = this.sleepers.filter((x) => x !== s);
        reject(signal.reason);
      });
    });
  }

  /** Moves time on and ends the sleeps it passes. */
  advance(ms: number): void {
    this.t += ms;
    const due = this.sleepers.filter((s) => s.until <= this.t);
    this.sleepers = this.sleepers.filter((s) => s.until > this.t);
    for (const s of due) s.wake();
  }

  get pending(): number {
    return this.sleepers.length;
  }
}
