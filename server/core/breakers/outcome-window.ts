/**
 * The last `size` call outcomes in a ring, with running counts, so recording and reading the
 * failure rate are O(1) whatever the window size. Also counts failures in a row (not windowed).
 */
export class OutcomeWindow {
  private readonly ring: Uint8Array; // 1 = failure
  // Who made each call (an agent, for a runtime's breaker); allocated on first use.
  private sources: (string | undefined)[] | null = null;
  private next = 0;
  private count = 0;
  private failed = 0;
  private streak = 0;

  constructor(readonly size: number) {
    this.ring = new Uint8Array(size);
  }

  record(ok: boolean, source?: string): void {
    if (this.count === this.size) this.failed -= this.ring[this.next];
    else this.count++;
    this.ring[this.next] = ok ? 0 : 1;
    if (source !== undefined || this.sources) (this.sources ??= new Array(this.size))[this.next] = source;
    this.next = (this.next + 1) % this.size;
    if (ok) this.streak = 0;
    else {
      this.failed++;
      this.streak++;
    }
  }

  clear(): void {
    this.next = this.count = this.failed = this.streak = 0;
    this.sources = null;
  }

  get calls(): number {
    return this.count;
  }

  get failures(): number {
    return this.failed;
  }

  get consecutiveFailures(): number {
    return this.streak;
  }

  /** Failed share of the calls in the window; null while empty. */
  get failureRate(): number | null {
    return this.count ? this.failed / this.count : null;
  }

  /** Distinct sources among the failures in the window (calls without a source count as one). O(size). */
  failingSources(): number {
    const seen = new Set<string | undefined>();
    for (let i = 0; i < this.count; i++) if (this.ring[i]) seen.add(this.sources?.[i]);
    return seen.size;
  }
}
