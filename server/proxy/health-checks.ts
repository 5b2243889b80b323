import type { ReplicaPool } from './replica-pool';

export interface HealthCheckOptions {
  intervalMs?: number;
  /** A replica's readiness probes take up to 2 s each (database, Redis): more than that is a hang. */
  timeoutMs?: number;
}

/**
 * Asks each replica's `/api/ready` every `intervalMs` and moves it in or out of rotation:
 * 200 → ready, another status → unready, no answer → down. One check per replica at a time.
 */
export class HealthChecks {
  private timer: NodeJS.Timeout | null = null;
  private readonly inFlight = new Map<number, Promise<void>>();
  private readonly stopping = new AbortController();
  private readonly intervalMs: number;
  private readonly timeoutMs: number;

  constructor(
    private readonly pool: ReplicaPool,
    opts: HealthCheckOptions = {},
  ) {
    this.intervalMs = opts.intervalMs ?? 1_000;
    this.timeoutMs = opts.timeoutMs ?? 5_000;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.checkAll(), this.intervalMs);
    this.timer.unref();
    this.checkAll();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.stopping.abort();
    await Promise.all(this.inFlight.values());
  }

  /** Checks every replica that has a process now (also the ones starting up), skipping those still being checked. */
  checkAll(): void {
    for (const r of this.pool.all()) {
      if (r.pid === null || this.inFlight.has(r.id)) continue;
      const p = this.check(r.id, r.port).finally(() => this.inFlight.delete(r.id));
      this.inFlight.set(r.id, p);
    }
  }

  /** Resolves once the replica on `port` has been checked and the pool told. */
  private async check(id: number, port: number): Promise<void> {
    const signal = AbortSignal.any([this.stopping.signal, AbortSignal.timeout(this.timeoutMs)]);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/ready`, { signal });
      const body = (await res.json().catch(() => ({}))) as { mode?: unknown; checks?: Record<string, CheckResult> };
      if (this.stopping.signal.aborted) return;
      if (res.ok) this.pool.report(id, port, 'ready', { mode: body.mode });
      else this.pool.report(id, port, 'unready', { why: `HTTP ${res.status}${failedChecks(body.checks)}` });
    } catch (err) {
      if (this.stopping.signal.aborted) return;
      this.pool.report(id, port, 'down', { why: describe(err) });
    }
  }
}

type CheckResult = { ok: boolean; error?: string };

function failedChecks(checks: Record<string, CheckResult> | undefined): string {
  const failed = Object.entries(checks ?? {})
    .filter(([, c]) => !c.ok)
    .map(([name, c]) => `${name}: ${c.error}`);
  return failed.length ? ` (${failed.join('; ')})` : '';
}

function describe(err: unknown): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string } };
  if (e.name === 'TimeoutError') return 'its health check timed out';
  return e.cause?.code ?? e.message ?? String(err);
}
