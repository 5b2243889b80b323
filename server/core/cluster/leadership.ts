import type { Clock, Logger } from '../ports';
import { Ticker } from '../shared/ticker';
import type { LeaderLeaseStore, LeaseState, WriteFence } from './ports';

/** How long a lease lasts without renewal; a dead leader is replaced within about this. */
export const DEFAULT_LEASE_TTL_MS = 6_000;

export interface LeadershipOptions {
  /** This replica's id: the lease's holder while it leads. */
  replica: string;
  ttlMs?: number;
  /** How often the lease is claimed or renewed; default a third of the TTL, so one late renewal is not a loss. */
  renewMs?: number;
}

export interface LeadershipHooks {
  /** This replica leads from now on, under `epoch`: start the cluster loops. */
  gained(epoch: number): void;
  /** Its term `epoch` is over, or may be: stop the cluster loops now. Awaited only at a clean stop. */
  lost(epoch: number): Promise<void>;
}

/**
 * Whether this replica leads the cluster, and under which epoch. A replica-scoped loop claims the
 * lease (or renews it) every `renewMs`; a renewal that fails, answers another holder, answers a
 * new epoch, or does not come back before the lease could have lapsed ends the term at once. The
 * database's clock decides expiry; this side only ever gives up earlier than it, never later.
 */
export class Leadership {
  readonly loop: Ticker;
  readonly replica: string;
  readonly ttlMs: number;
  private term: { epoch: number } | null = null;
  private seen: LeaseState | null = null;
  private watchdog: ReturnType<typeof setTimeout> | null = null;
  private readonly watchers = new Set<(epoch: number | null) => void>();

  constructor(
    private readonly store: LeaderLeaseStore,
    private readonly fence: WriteFence,
    private readonly clock: Clock,
    private readonly log: Logger,
    opts: LeadershipOptions,
    private readonly hooks: LeadershipHooks,
  ) {
    this.replica = opts.replica;
    this.ttlMs = opts.ttlMs ?? DEFAULT_LEASE_TTL_MS;
    const renewMs = opts.renewMs ?? Math.max(1, Math.floor(this.ttlMs / 3));
    // A database back from an outage gets a leader at the next renewal, not after a long backoff.
    this.loop = new Ticker('leader-lease', renewMs, () => this.claim(), clock, log, {
      scope: 'replica',
      maxBackoffMs: renewMs,
    });
  }

  get isLeader(): boolean {
    return this.term !== null;
  }

  /** The epoch this replica leads under, or null when it does not lead. */
  get epoch(): number | null {
    return this.term?.epoch ?? null;
  }

  /** The lease as the last claim answered it (another replica's when it leads). */
  get lastSeen(): LeaseState | null {
    return this.seen;
  }

  /** Claims once (so a lone replica leads as soon as this resolves), then keeps claiming. */
  async start(): Promise<void> {
    await this.loop.runOnce();
    this.loop.start();
  }

  /** A clean stop: no more claims, the cluster loops stopped, then the lease given back so another replica takes over at once. */
  async stop(): Promise<void> {
    await this.loop.stop();
    const term = this.term;
    this.endTerm();
    if (!term) return;
    this.tell();
    await this.hooks.lost(term.epoch);
    try {
      await this.store.release(this.replica, term.epoch);
    } catch (err) {
      this.log.warn(
        { err, epoch: term.epoch },
        'leader lease not released; another replica takes over when it expires',
      );
    }
  }

  /** Told of every change of this replica's leadership (the epoch it leads under, or null), and of the current one now. */
  watch(fn: (epoch: number | null) => void): () => void {
    this.watchers.add(fn);
    fn(this.epoch);
    return () => this.watchers.delete(fn);
  }

  /** Runs `fn` inside the write fence of the current term; false (and `fn` never runs) when this replica does not lead. */
  async asLeader(fn: () => Promise<unknown>): Promise<boolean> {
    const epoch = this.epoch;
    if (epoch === null) return false;
    await this.fence.run(epoch, fn);
    return true;
  }

  /** `fn`, inside the write fence of term `epoch`: how each tick of a cluster loop runs. */
  fenced(epoch: number): <T>(fn: () => Promise<T>) => Promise<T> {
    return (fn) => this.fence.run(epoch, fn);
  }

  /** One claim or renewal: the loop's tick. */
  async claim(): Promise<void> {
    const askedAt = this.clock.now();
    let lease: LeaseState;
    try {
      lease = await this.store.claim(this.replica, this.ttlMs);
    } catch (err) {
      // The lease may still be ours, but nothing says so: a leader that cannot renew steps down.
      this.stepDown('the lease could not be renewed');
      throw err;
    }
    this.seen = lease;
    if (lease.holder !== this.replica) return this.stepDown(`the lease is held by ${lease.holder}`);
    // Our own lease had lapsed and was taken again: a new term, whose loops must not run under the old epoch.
    if (this.term && this.term.epoch !== lease.epoch) this.stepDown('the lease lapsed before this renewal');
    // The database granted ttl from a moment after `askedAt`: until askedAt + ttl it is surely ours.
    this.armWatchdog(askedAt + this.ttlMs);
    if (this.term) return;
    this.term = { epoch: lease.epoch };
    this.log.info({ epoch: lease.epoch }, 'this replica leads the cluster');
    this.hooks.gained(lease.epoch);
    this.tell();
  }

  private stepDown(reason: string): void {
    const term = this.term;
    this.endTerm();
    if (!term) return;
    this.log.warn({ epoch: term.epoch, reason }, 'this replica no longer leads the cluster');
    void this.hooks.lost(term.epoch).catch((err) => this.log.error({ err }, 'stopping the cluster loops failed'));
    this.tell();
  }

  private endTerm(): void {
    this.term = null;
    if (this.watchdog) clearTimeout(this.watchdog);
    this.watchdog = null;
  }

  /** A renewal stuck (a database that does not answer) must not outlive the lease it renews. */
  private armWatchdog(until: number): void {
    if (this.watchdog) clearTimeout(this.watchdog);
    this.watchdog = setTimeout(
      () => {
        this.watchdog = null;
        this.stepDown('the lease was not renewed in time');
      },
      Math.max(0, until - this.clock.now()),
    );
    (this.watchdog as { unref?: () => void }).unref?.();
  }

  private tell(): void {
    for (const fn of this.watchers) {
      try {
        fn(this.epoch);
      } catch (err) {
        this.log.error({ err }, 'a leadership watcher failed');
      }
    }
  }
}
