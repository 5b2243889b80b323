import type { Api } from '../../bench/lib/api';
import { sleep } from './wait';

export interface WorkloadOptions {
  scenario: string;
  runId: string;
  capability: string;
  tasks: number;
  /** Submission pace: the run lasts tasks / rate seconds, so a fault lands mid-run. */
  ratePerSecond: number;
  /** Index of the task carrying `poison: true` (with maxAttempts 3), if any. */
  poisonAt?: number;
}

const TICK_MS = 250;
const MAX_BATCH = 1000;

/**
 * Submits the scenario's tasks at a steady pace in batches of ≤ 1000. A batch that fails (the
 * database restarting) is sent again as is: every task has an idempotency key, so a batch that
 * was stored but whose answer was lost is not stored twice.
 */
export class Workload {
  /** Task ids by submission index. */
  readonly ids: string[] = [];
  readonly done: Promise<void>;
  /** When the last batch was stored (ms). */
  finishedAt: number | null = null;
  submitErrors = 0;
  lastError = '';

  constructor(
    private readonly api: Api,
    private readonly adminToken: string,
    private readonly opts: WorkloadOptions,
  ) {
    this.done = this.submitAll();
  }

  private stopped = false;

  get submitted(): number {
    return this.ids.length;
  }

  /** Submits nothing more (the scenario broke). */
  stop(): void {
    this.stopped = true;
  }

  private async submitAll(): Promise<void> {
    const started = performance.now();
    const { tasks, ratePerSecond } = this.opts;
    while (this.ids.length < tasks && !this.stopped) {
      const due = Math.min(tasks, Math.ceil(((performance.now() - started) / 1000) * ratePerSecond));
      const n = Math.min(MAX_BATCH, due - this.ids.length);
      if (n <= 0) {
        await sleep(TICK_MS);
        continue;
      }
      this.ids.push(...(await this.submitBatch(this.ids.length, n)));
    }
    this.finishedAt = Date.now();
  }

  private async submitBatch(from: number, n: number): Promise<string[]> {
    const { scenario, runId, capability, poisonAt } = this.opts;
    const tasks = Array.from({ length: n }, (_, k) => {
      const i = from + k;
      const poison = i === poisonAt;
      return {
        title: `faults ${scenario} ${i}${poison ? ' (poison)' : ''}`,
        payload: { faults: runId, scenario, n: i, ...(poison ? { poison: true } : {}) },
        capabilities: [capability],
        priority: 'normal',
        idempotencyKey: `faults:${runId}:${scenario}:${i}`,
        ...(poison ? { maxAttempts: 3 } : {}),
      };
    });
    for (let attempt = 0; !this.stopped; attempt++) {
      try {
        const { ids } = await this.api.mutate<{ ids: string[] }>(
          'tasks.submit',
          { tasks },
          this.adminToken,
          AbortSignal.timeout(30_000),
        );
        return ids;
      } catch (err) {
        this.submitErrors++;
        this.lastError = (err as Error).message;
        if (attempt > 240) throw new Error(`tasks.submit kept failing for a minute: ${this.lastError}`, { cause: err });
        await sleep(TICK_MS);
      }
    }
    return [];
  }
}
