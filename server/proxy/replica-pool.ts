/**
 * - `starting`: spawned, not answering yet;
 * - `ready`: `/api/ready` answered 200;
 * - `unready`: it answers, but not ready (database or Redis unreachable): its own error answers
 *   still beat none, so it takes requests when no replica is ready;
 * - `down`: exited, refused a connection, or its health check timed out.
 */
export type ReplicaState = 'starting' | 'ready' | 'unready' | 'down';

export interface Replica {
  /** 1-based, stable across restarts. */
  readonly id: number;
  /** The port of the current process; a restart listens on a new one. */
  port: number;
  pid: number | null;
  state: ReplicaState;
  /** Requests and streams in flight through the proxy. */
  active: number;
  /** Why it is not ready (the last failed check), for the proxy's own `/api/ready`. */
  why: string | null;
  /** What its last successful `/api/ready` said about the deployment mode. */
  mode: unknown;
}

export type StateChange = (replica: Replica, from: ReplicaState) => void;

/**
 * The replicas behind the proxy and which one takes the next request: the least busy of the
 * ready ones (long-polls and live streams hold a replica for long, so counting them spreads the
 * load better than turns alone), ties taken in turn.
 */
export class ReplicaPool {
  private readonly replicas: Replica[] = [];
  private turn = 0;

  constructor(private readonly onChange: StateChange = () => {}) {}

  /** A replica process was (re)started on `port`: nothing is routed to it until it is ready. */
  started(id: number, port: number, pid: number | null): Replica {
    let r = this.get(id);
    if (!r) {
      r = { id, port, pid, state: 'down', active: 0, why: 'not started', mode: undefined };
      this.replicas.push(r);
      this.replicas.sort((a, b) => a.id - b.id);
    }
    r.port = port;
    r.pid = pid;
    this.set(r, 'starting', 'starting up');
    return r;
  }

  get(id: number): Replica | undefined {
    return this.replicas.find((r) => r.id === id);
  }

  all(): readonly Replica[] {
    return this.replicas;
  }

  /**
   * Records what a health check or a forwarded request learnt about the process on `port`.
   * A report about an earlier process of the same replica (another port) is ignored, and so is
   * one that arrives after the process exited.
   */
  report(
    id: number,
    port: number,
    state: Exclude<ReplicaState, 'starting'>,
    detail: { why?: string; mode?: unknown } = {},
  ) {
    const r = this.get(id);
    // A check that began before the process exited says nothing about it now.
    if (!r || r.port !== port || r.pid === null) return;
    // A process that never answered yet stays `starting` until it does (or exits).
    if (r.state === 'starting' && state === 'down') return;
    if (state === 'ready') r.mode = detail.mode;
    this.set(r, state, state === 'ready' ? null : (detail.why ?? state));
  }

  /** The process exited: down until its restart. */
  exited(id: number, why = 'exited'): void {
    const r = this.get(id);
    if (!r) return;
    r.pid = null;
    this.set(r, 'down', why);
  }

  /**
   * The replica for the next request, never one in `exclude` (already tried for it): a ready
   * one if any, else one that answers but is not ready, else null.
   */
  pick(exclude: ReadonlySet<number> = new Set()): Replica | null {
    for (const state of ['ready', 'unready'] as const) {
      const n = this.replicas.length;
      let best: Replica | null = null;
      let bestAt = 0;
      for (let k = 0; k < n; k++) {
        const at = (this.turn + k) % n;
        const r = this.replicas[at];
        if (r.state !== state || exclude.has(r.id)) continue;
        if (!best || r.active < best.active) {
          best = r;
          bestAt = at;
        }
      }
      if (best) {
        this.turn = (bestAt + 1) % n;
        return best;
      }
    }
    return null;
  }

  /** Counts a request in flight on `r`; the returned function (idempotent) ends it. */
  acquire(r: Replica): () => void {
    r.active++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      r.active--;
    };
  }

  /** At least one replica is ready. */
  get ready(): boolean {
    return this.replicas.some((r) => r.state === 'ready');
  }

  private set(r: Replica, state: ReplicaState, why: string | null): void {
    const from = r.state;
    r.state = state;
    r.why = why;
    if (from !== state) this.onChange(r, from);
  }
}
