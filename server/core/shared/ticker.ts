import type { Clock, Logger } from '../ports';

/**
 * `replica`: runs on every server process (local hand-offs, caches, its own reads).
 * `cluster`: must run once cluster-wide (sweeps, the autoscaler, pruning): the leader alone runs it.
 */
export type LoopScope = 'replica' | 'cluster';

export interface TickerOptions {
  scope: LoopScope;
  /**
   * A kick runs the next tick no sooner than this after the last one began, and never sooner
   * than the last tick took: under load, work piles up and is done in fewer, larger ticks.
   */
  minKickGapMs?: number;
  /** Longest wait after failed ticks (default 30 s); a loop that must come back quickly keeps its own pace. */
  maxBackoffMs?: number;
}

/** Runs a tick on the loop's behalf: a cluster loop's ticks run inside the write fence of its lease term. */
export type TickGuard = (tick: () => Promise<void>) => Promise<void>;

export interface TickerSnapshot {
  name: string;
  scope: LoopScope;
  running: boolean;
  intervalMs: number;
  ticks: number;
  errors: number;
  /** Failed ticks in a row; while above 0 the loop waits longer between ticks (backoff). */
  consecutiveErrors: number;
  lastError: string | null;
  lastTickAt: number | null;
  lastTickMs: number | null;
}

/** Longest wait between ticks of a failing loop (a database that stays down). */
export const MAX_ERROR_BACKOFF_MS = 30_000;

/**
 * A background loop: never two ticks at once, `stop()` waits for the tick in flight,
 * an error is logged and counted and the loop goes on, waiting longer after each failure in a
 * row (doubling, up to 30 s) so a dependency that is down is not hammered. `kick()` asks for a tick now.
 */
export class Ticker {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private running = false;
  private kicked = false;
  private guard: TickGuard | null = null;
  private stats = {
    ticks: 0,
    errors: 0,
    consecutiveErrors: 0,
    lastError: null as string | null,
    lastTickAt: null as number | null,
    lastTickMs: null as number | null,
  };

  constructor(
    readonly name: string,
    private readonly intervalMs: number,
    private readonly tick: () => Promise<void>,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly opts: TickerOptions,
  ) {}

  get scope(): LoopScope {
    return this.opts.scope;
  }

  /** `guard` wraps every tick from now on (until the next start), `runOnce` included. */
  start(guard?: TickGuard): void {
    if (this.running) return;
    this.guard = guard ?? null;
    this.running = true;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.inFlight;
  }

  /** Runs a tick as soon as the current one (if any) ends. */
  kick(): void {
    if (!this.running) return;
    // A failing loop keeps its backoff: kicks come with every request and would undo it.
    if (this.stats.consecutiveErrors) return;
    if (this.inFlight) {
      this.kicked = true;
      return;
    }
    // Already due soon enough: a burst of kicks becomes one tick.
    if (this.timer && this.dueAt <= this.clock.now() + this.kickDelay()) return;
    this.schedule(this.kickDelay());
  }

  private kickDelay(): number {
    const minGap = this.opts.minKickGapMs ?? 0;
    if (!minGap || this.stats.lastTickAt === null) return 0;
    const gap = Math.max(minGap, this.stats.lastTickMs ?? 0);
    return Math.max(0, this.stats.lastTickAt + gap - this.clock.now());
  }

  /** Runs one tick now (tests, and callers that need the result before going on). */
  async runOnce(): Promise<void> {
    while (this.inFlight) await this.inFlight;
    await this.execute();
  }

  snapshot(): TickerSnapshot {
    return {
      name: this.name,
      scope: this.opts.scope,
      running: this.running,
      intervalMs: this.intervalMs,
      ...this.stats,
    };
  }

  private dueAt = 0;

  private backoffMs(): number {
    const n = Math.min(this.stats.consecutiveErrors, 16);
    const max = this.opts.maxBackoffMs ?? MAX_ERROR_BACKOFF_MS;
    return Math.min(max, Math.max(this.intervalMs, 250 * 2 ** (n - 1)));
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.dueAt = this.clock.now() + delayMs;
    this.timer = setTimeout(() => {
      this.timer = null;
      // runOnce may be mid-tick (a kick armed this timer just before it began): wait for it.
      void (async () => {
        while (this.inFlight) await this.inFlight;
        if (this.running) await this.execute();
      })().then(() => {
        if (!this.running) return;
        const again = this.kicked;
        this.kicked = false;
        this.schedule(this.stats.consecutiveErrors ? this.backoffMs() : again ? this.kickDelay() : this.intervalMs);
      });
    }, delayMs);
    // Background loops must not keep a process alive on their own.
    (this.timer as { unref?: () => void }).unref?.();
  }

  private async execute(): Promise<void> {
    const started = this.clock.now();
    const guard = this.guard;
    const run = (async () => {
      try {
        await (guard ? guard(this.tick) : this.tick());
        this.stats.consecutiveErrors = 0;
      } catch (e) {
        this.stats.errors++;
        this.stats.consecutiveErrors++;
        this.stats.lastError = e instanceof Error ? e.message : String(e);
        this.log.error({ err: e, loop: this.name }, 'loop tick failed');
      } finally {
        this.stats.ticks++;
        this.stats.lastTickAt = started;
        this.stats.lastTickMs = this.clock.now() - started;
      }
    })();
    this.inFlight = run;
    await run;
    this.inFlight = null;
  }
}
