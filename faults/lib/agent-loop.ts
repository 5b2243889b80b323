import { existsSync } from 'node:fs';
import { ApiError, type Api, type Assignment } from '../../bench/lib/api';
import type { AgentLogWriter } from './agent-log';
import { verdictFor, type Behaviour } from './behaviour';
import { sleep } from './wait';

export interface AgentConfig {
  name: string;
  capability: string;
  runtime: string;
  concurrency: number;
  behaviour: Behaviour;
  delayMs: [number, number];
  adminToken: string;
}

/** Transport errors and 5xx (503 while PostgreSQL is away) are retried; a 4xx is final. */
const retryable = (err: unknown) => !(err instanceof ApiError) || err.status >= 500 || err.code === 'BAD_RESPONSE';
const unauthorized = (err: unknown) => err instanceof ApiError && err.status === 401;

/**
 * An HTTP agent in the bench's style: one tRPC batch per round trip carries the reports on the
 * tasks in hand and the next `work.pollBatch` (already started). Heartbeats run on their own
 * timer so a long poll never starves them. It retries what the server could not take (outages)
 * and re-registers when its token stops working.
 */
export class AgentLoop {
  private token = '';
  private heartbeatMs = 1_000;
  private held: Assignment[] = [];
  private failedSoFar = 0;
  private failuresInARow = 0;
  private needsRegistration = true;
  private stopping = false;
  private beat: NodeJS.Timeout | null = null;

  constructor(
    private readonly api: Api,
    private readonly cfg: AgentConfig,
    private readonly log: AgentLogWriter,
  ) {}

  async run(): Promise<void> {
    while (!this.stopping) {
      if (this.needsRegistration) await this.register();
      if (this.held.length) await sleep(this.workTime());
      await this.round();
    }
  }

  /** SIGTERM: stop polling and leave the fleet (its work, if any, is requeued by the server). */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.beat) clearInterval(this.beat);
    await this.api.mutate('agents.deregister', {}, this.token, AbortSignal.timeout(2_000)).catch(() => undefined);
  }

  private async register(): Promise<void> {
    for (let attempt = 0; !this.stopping; attempt++) {
      try {
        const r = await this.api.mutate<{ agentId: string; token: string; reregistered: boolean }>(
          'agents.register',
          {
            name: this.cfg.name,
            capabilities: [this.cfg.capability],
            maxConcurrency: this.cfg.concurrency,
            runtime: this.cfg.runtime,
            labels: { suite: 'faults' },
          },
          this.cfg.adminToken,
          AbortSignal.timeout(10_000),
        );
        this.token = r.token;
        this.needsRegistration = false;
        this.log.write({ e: 'registered', agentId: r.agentId, reregistered: r.reregistered });
        const b = await this.api
          .mutate<{ heartbeatIntervalMs: number }>('agents.heartbeat', { load: 0 }, this.token)
          .catch(() => null);
        if (b) this.heartbeatMs = b.heartbeatIntervalMs;
        this.startHeartbeats();
        return;
      } catch {
        await sleep(this.backoff(attempt));
      }
    }
  }

  private startHeartbeats(): void {
    if (this.beat) clearInterval(this.beat);
    let inFlight = false;
    this.beat = setInterval(() => {
      if (inFlight || this.needsRegistration) return;
      inFlight = true;
      this.api
        .mutate(
          'agents.heartbeat',
          { load: this.held.length / this.cfg.concurrency },
          this.token,
          AbortSignal.timeout(5_000),
        )
        .catch((err) => {
          if (unauthorized(err)) this.needsRegistration = true;
        })
        .finally(() => (inFlight = false));
    }, this.heartbeatMs);
  }

  private async round(): Promise<void> {
    const reports = this.held.map((a) => this.report(a));
    const calls = reports.map((r) => ({ path: r.path, input: r.input }));
    // With reports aboard the poll waits briefly, so acknowledgements stay prompt (as in the bench).
    calls.push({
      path: 'work.pollBatch',
      input: { waitMs: reports.length ? 100 : 2_000, max: this.cfg.concurrency, start: true },
    });
    let results: PromiseSettledResult<unknown>[];
    try {
      results = await this.api.batch(calls, this.token, AbortSignal.timeout(20_000));
    } catch (err) {
      if (unauthorized(err)) this.needsRegistration = true;
      this.log.write({ e: 'retry', what: describe(err) });
      await sleep(this.backoff(this.failuresInARow++));
      return;
    }
    const troubles = new Set<string>();
    const trouble = (err: unknown) => troubles.add(describe(err));
    const kept: Assignment[] = [];
    reports.forEach((r, i) => {
      const out = results[i];
      if (out.status === 'fulfilled') return this.reported(r.a, r.verb, (out.value as { status: string }).status);
      if (unauthorized(out.reason)) this.needsRegistration = true;
      if (retryable(out.reason) || unauthorized(out.reason)) {
        trouble(out.reason);
        kept.push(r.a);
        return;
      }
      const e = out.reason as ApiError;
      this.log.write({
        e: 'rejected',
        verb: r.verb,
        taskId: r.a.taskId,
        attempt: r.a.attempt,
        leaseToken: r.a.leaseToken,
        status: e.status,
        code: e.code,
      });
    });
    this.held = kept;
    const polled = results[results.length - 1];
    if (polled.status === 'fulfilled') {
      const poison = this.received((polled.value as { assignments: Assignment[] }).assignments);
      if (poison && this.cfg.behaviour.kind === 'poison-dies') await this.die(poison);
    } else {
      if (unauthorized(polled.reason)) this.needsRegistration = true;
      trouble(polled.reason);
    }
    for (const what of troubles) this.log.write({ e: 'retry', what });
    if (troubles.size) await sleep(this.backoff(this.failuresInARow++));
    else this.failuresInARow = 0;
  }

  private report(a: Assignment): { a: Assignment; verb: 'complete' | 'fail'; path: string; input: unknown } {
    const lease = { taskId: a.taskId, leaseToken: a.leaseToken };
    const verdict = verdictFor(
      this.cfg.behaviour,
      { poison: isPoison(a) },
      { failedSoFar: this.failedSoFar, fileExists: () => this.switchFileExists() },
    );
    if (verdict === 'fail') {
      this.failedSoFar++;
      return {
        a,
        verb: 'fail',
        path: 'work.fail',
        input: { ...lease, error: `faults agent ${this.cfg.name}: ${this.cfg.behaviour.kind}`, retryable: true },
      };
    }
    return { a, verb: 'complete', path: 'work.complete', input: { ...lease, result: { agent: this.cfg.name } } };
  }

  private reported(a: Assignment, verb: 'complete' | 'fail', status: string): void {
    const lease = { taskId: a.taskId, attempt: a.attempt, leaseToken: a.leaseToken };
    if (verb === 'complete' && status === 'succeeded') this.log.write({ e: 'completed', ...lease });
    else this.log.write({ e: 'failed', status, ...lease });
  }

  /** Takes the new assignments; returns a poison task among them, if any. */
  private received(assignments: Assignment[]): Assignment | undefined {
    for (const a of assignments) {
      this.log.write({ e: 'delivered', taskId: a.taskId, attempt: a.attempt, leaseToken: a.leaseToken });
      this.held.push(a);
    }
    return assignments.find(isPoison);
  }

  /**
   * The poison crashes the process and every task in it. It polls for up to a second to fill its
   * slots first, so a crash loses a full agent's worth of attempts (≥ 5 with the suite's
   * settings): what opens its breaker on the default "5 failures in a row".
   */
  private async die(poison: Assignment): Promise<never> {
    this.stopping = true;
    const until = Date.now() + 1_000;
    while (this.held.length < this.cfg.concurrency && Date.now() < until) {
      const more = await this.api
        .mutate<{ assignments: Assignment[] }>(
          'work.pollBatch',
          { waitMs: until - Date.now(), max: this.cfg.concurrency - this.held.length, start: true },
          this.token,
          AbortSignal.timeout(3_000),
        )
        .catch(() => ({ assignments: [] }));
      this.received(more.assignments);
    }
    this.log.write({ e: 'dying', taskId: poison.taskId, attempt: poison.attempt, leaseToken: poison.leaseToken });
    process.kill(process.pid, 'SIGKILL');
    return new Promise<never>(() => {});
  }

  private switchFileExists(): boolean {
    const b = this.cfg.behaviour;
    return b.kind === 'fail-then-ok' && 'untilFile' in b && existsSync(b.untilFile);
  }

  private workTime(): number {
    const [lo, hi] = this.cfg.delayMs;
    return lo + Math.random() * (hi - lo);
  }

  /** 100 ms doubling to 1 s, with jitter: agents come back quickly but not in lockstep. */
  private backoff(attempt: number): number {
    const ceiling = Math.min(1_000, 100 * 2 ** Math.min(attempt, 4));
    return ceiling / 2 + Math.random() * (ceiling / 2);
  }
}

const isPoison = (a: Assignment) => (a.payload as { poison?: boolean } | null)?.poison === true;

/** "409 CONFLICT" for an API error, "fetch failed: ECONNREFUSED" for a transport error (as the bench does). */
function describe(err: unknown): string {
  if (err instanceof ApiError) return `${err.status} ${err.code}`;
  const e = err as Error & { cause?: { code?: string; message?: string } };
  return `${e.message}${e.cause ? `: ${e.cause.code ?? e.cause.message}` : ''}`;
}
