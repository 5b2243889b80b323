import type { Agent, Task } from '../model';
import type { Clock, Logger } from '../ports';
import type { TaskAmend } from './ports';
import { parseAnswer, preAssignRequest, type Verdict } from './pre-assign-answer';
import { REVIEW_CONCURRENCY, type AssignmentReviewer } from './reviewer';

/** What the dispatcher does with one planned assignment after review. */
export type GateOutcome =
  { kind: 'assign'; amend: TaskAmend | null; note: string | null } | { kind: 'hold'; reason: string };

export interface GateOptions {
  /** The enabled reviewers, read again at most this often (default 5 s) or after `invalidate`. */
  refreshMs?: number;
  concurrency?: number;
}

/**
 * Asks every enabled reviewer about each assignment of a pass, in parallel (bounded), each within
 * its time limit, and folds the answers: any veto (or a fail-closed failure) holds the task;
 * otherwise amends apply in order. With no reviewer enabled, `review` answers null at once.
 */
export class PreAssignGate {
  private cached: AssignmentReviewer[] = [];
  private loadedAt = -Infinity;
  private generation = 0;
  private readonly refreshMs: number;
  private readonly concurrency: number;

  constructor(
    private readonly load: () => Promise<AssignmentReviewer[]>,
    private readonly clock: Clock,
    private readonly log: Logger,
    opts: GateOptions = {},
  ) {
    this.refreshMs = opts.refreshMs ?? 5_000;
    this.concurrency = opts.concurrency ?? REVIEW_CONCURRENCY;
  }

  /** A hook was created or deleted here: the next pass reads them again. */
  invalidate(): void {
    this.generation++;
    this.loadedAt = -Infinity;
  }

  async reviewers(): Promise<AssignmentReviewer[]> {
    if (this.clock.now() - this.loadedAt < this.refreshMs) return this.cached;
    try {
      const seen = this.generation;
      this.cached = await this.load();
      // A change during the read makes it stale: read again next pass.
      if (seen === this.generation) this.loadedAt = this.clock.now();
    } catch (err) {
      // Keep the last list: a read failing now must not silently switch hooks off (or on).
      this.log.error({ err }, 'reading the pre-assignment hooks failed');
    }
    return this.cached;
  }

  /** One outcome per item, in order; null when no reviewer is enabled (the pass goes on unchanged). */
  async review(items: readonly { task: Task; agent: Agent }[]): Promise<GateOutcome[] | null> {
    const reviewers = await this.reviewers();
    if (!reviewers.length || !items.length) return null;
    const verdicts = await boundedMap(items.length * reviewers.length, this.concurrency, (k) =>
      this.ask(reviewers[k % reviewers.length], items[Math.floor(k / reviewers.length)]),
    );
    return items.map((_, i) =>
      fold(reviewers.map((r, j) => ({ reviewer: r, verdict: verdicts[i * reviewers.length + j] }))),
    );
  }

  private async ask(r: AssignmentReviewer, item: { task: Task; agent: Agent }): Promise<Verdict> {
    const abort = new AbortController();
    const timer = this.clock.sleep(r.timeoutMs, abort.signal).then(
      (): Verdict => ({ kind: 'failed', error: `timed out after ${r.timeoutMs} ms`, timedOut: true }),
      () => null,
    );
    const answer = r.ask(preAssignRequest(item.task, item.agent), abort.signal).then(parseAnswer, (err: unknown) => ({
      kind: 'failed' as const,
      error: err instanceof Error ? err.message : String(err),
      timedOut: false,
    }));
    try {
      const v = (await Promise.race([answer, timer.then((t) => t ?? answer)])) as Verdict;
      if (v.kind === 'failed')
        this.log.warn({ reviewer: r.label, taskId: item.task.id, error: v.error }, 'pre-assignment review failed');
      return v;
    } finally {
      abort.abort();
    }
  }
}

function fold(answers: { reviewer: AssignmentReviewer; verdict: Verdict }[]): GateOutcome {
  const notes: string[] = [];
  let amend: TaskAmend | null = null as TaskAmend | null;
  for (const { reviewer: r, verdict: v } of answers) {
    if (v.kind === 'veto') return { kind: 'hold', reason: `vetoed by ${r.label}: ${v.reason}` };
    if (v.kind === 'failed') {
      const what = v.timedOut ? 'timed out' : `failed (${v.error})`;
      if (r.failMode === 'closed') return { kind: 'hold', reason: `${r.label} ${what} (fail-closed)` };
      notes.push(`${r.label} ${what} (fail-open)`);
    }
    if (v.kind === 'amend') {
      const labels = v.amend.labels || amend?.labels ? { ...amend?.labels, ...v.amend.labels } : undefined;
      amend = { ...amend, ...v.amend, ...(labels ? { labels } : {}) };
      notes.push(`amended by ${r.label}: ${v.note ?? describeAmend(v.amend)}`);
    }
  }
  return { kind: 'assign', amend, note: notes.length ? notes.join('; ') : null };
}

function describeAmend(a: TaskAmend): string {
  const parts: string[] = [];
  if (a.priority) parts.push(`priority ${a.priority}`);
  if (a.labels)
    parts.push(
      `labels ${Object.entries(a.labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')}`,
    );
  return parts.join(', ') || 'no change';
}

/** `fn(0..n-1)` with at most `limit` in flight; results in index order. */
async function boundedMap<T>(n: number, limit: number, fn: (k: number) => Promise<T>): Promise<T[]> {
  const out = new Array<T>(n);
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const k = next++;
      out[k] = await fn(k);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, n) }, worker));
  return out;
}
