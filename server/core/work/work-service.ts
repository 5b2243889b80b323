import { z } from 'zod';
import { CoreError, conflict, notFound } from '../errors';
import type { Assignment, Task } from '../model';
import type { EventBus, Metrics, Store, Clock } from '../ports';
import { countOutcome } from '../tasks/count-outcome';
import {
  DEFAULT_INPUT_LIMITS,
  jsonSizeIssue,
  rejectIssues,
  textLengthIssue,
  type InputLimits,
} from '../shared/input-limits';
import { AssignmentPoll } from './assignment-poll';
import type { CoreDeps } from '../shared/core-module';

export const PollInput = z
  .object({
    waitMs: z.number().int().min(0).max(30_000).default(25_000),
    /** Answer with the assignment already started: saves the agent a `work.start` round trip. */
    start: z.boolean().default(false),
  })
  .default({ waitMs: 25_000, start: false });
const Lease = { taskId: z.string().min(1).max(64), leaseToken: z.string().min(1).max(128) };
export const StartInput = z.object(Lease);
// Message and result sizes are checked against the configured limits (InputLimits).
export const ProgressInput = z.object({
  ...Lease,
  message: z.string().default(''),
  percent: z.number().min(0).max(100).optional(),
});
export const CompleteInput = z.object({ ...Lease, result: z.unknown().optional() });
export const FailInput = z.object({
  ...Lease,
  error: z.string().min(1).max(10_000),
  retryable: z.boolean().default(true),
});
export const ReleaseInput = z.object({ ...Lease, reason: z.string().trim().min(1, 'must not be empty').max(500) });

export const PollBatchInput = z.object({
  waitMs: z.number().int().min(0).max(30_000).default(25_000),
  /** Most assignments to take at once (an agent running several tasks in parallel). */
  max: z.number().int().min(1).max(100).default(10),
  start: z.boolean().default(false),
});

/** How often a long-poll may count as a sign of life, at most (saves a write per poll under load). */
const POLL_TOUCH_INTERVAL_MS = 5_000;

/** The agent side of the protocol: poll for an assignment, then start, report progress, finish. */
export interface WorkHooks {
  /** An agent polled: a sign of life (batched with heartbeats). */
  touchAgent: (agentId: string) => Promise<void>;
  /** Work may be placeable now: an agent opened a poll, finished a task, or a task went back to the queue. */
  onReady: () => void;
}

export class WorkService {
  readonly polls: AssignmentPoll;
  private lastTouch = new Map<string, number>();

  private readonly store: Store;
  private readonly bus: EventBus;
  private readonly metrics: Metrics;
  private readonly clock: Clock;
  private readonly touchAgent: (agentId: string) => Promise<void>;
  private readonly onReady: () => void;
  private readonly limits: InputLimits;

  constructor(deps: Omit<CoreDeps, 'log'>, hooks: WorkHooks, limits: InputLimits = DEFAULT_INPUT_LIMITS) {
    ({ store: this.store, bus: this.bus, metrics: this.metrics, clock: this.clock } = deps);
    ({ touchAgent: this.touchAgent, onReady: this.onReady } = hooks);
    this.limits = limits;
    this.polls = new AssignmentPoll(this.store, this.onReady, this.clock);
  }

  async poll(agentId: string, raw: z.input<typeof PollInput>, signal?: AbortSignal): Promise<Assignment | null> {
    const { waitMs, start } = PollInput.parse(raw);
    const [first] = await this.take(agentId, { waitMs, max: 1, start }, signal);
    return first ?? null;
  }

  /** `work.poll` for an agent that runs several tasks at once: up to `max` assignments per answer. */
  async pollBatch(
    agentId: string,
    raw: z.input<typeof PollBatchInput>,
    signal?: AbortSignal,
  ): Promise<{ assignments: Assignment[] }> {
    return { assignments: await this.take(agentId, PollBatchInput.parse(raw), signal) };
  }

  private async take(
    agentId: string,
    { waitMs, max, start }: z.output<typeof PollBatchInput>,
    signal?: AbortSignal,
  ): Promise<Assignment[]> {
    await this.touch(agentId);
    const deadline = this.clock.now() + waitMs;
    for (;;) {
      const found = await this.polls.next(agentId, { max, deadline, signal });
      if (!found.length || !start) return found;
      const started = await Promise.all(found.map((a) => this.startAssigned(agentId, a)));
      const kept = found.filter((_, i) => started[i]);
      // All cancelled between assignment and start: keep waiting for others.
      if (kept.length || deadline - this.clock.now() <= 0 || this.polls.isClosed || signal?.aborted) return kept;
    }
  }

  async start(agentId: string, raw: z.input<typeof StartInput>): Promise<{ status: 'running' }> {
    const { taskId, leaseToken } = StartInput.parse(raw);
    if (!(await this.startAssigned(agentId, { taskId, leaseToken })))
      throw await this.leaseError(taskId, agentId, 'start');
    return { status: 'running' };
  }

  private async startAssigned(
    agentId: string,
    { taskId, leaseToken }: { taskId: string; leaseToken: string },
  ): Promise<boolean> {
    const task = await this.store.tasks.start(taskId, agentId, leaseToken);
    if (!task) return false;
    return true;
  }

  async progress(agentId: string, raw: z.input<typeof ProgressInput>): Promise<{ ok: true }> {
    const { taskId, leaseToken, message, percent } = ProgressInput.parse(raw);
    rejectIssues([textLengthIssue(message, this.limits.progressMessageChars, 'message')]);
    const applied = await this.store.tasks.progress(taskId, agentId, leaseToken, message, percent ?? null);
    if (!applied) throw await this.leaseError(taskId, agentId, 'report progress on');
    await this.bus.publish('task:progress', { taskId, attempt: applied.attempt, message, percent: percent ?? null });
    return { ok: true };
  }

  async complete(agentId: string, raw: z.input<typeof CompleteInput>): Promise<{ status: Task['status'] }> {
    const { taskId, leaseToken, result } = CompleteInput.parse(raw);
    rejectIssues([jsonSizeIssue(result, this.limits.resultBytes, 'result')]);
    const task = await this.store.tasks.finish(taskId, agentId, leaseToken, {
      status: 'succeeded',
      result: result ?? null,
    });
    if (!task) {
      const existing = await this.store.tasks.get(taskId);
      // A repeated completion of the same lease (the agent lost our first answer) is not an error.
      if (existing?.status === 'succeeded' && existing.agentId === agentId) return { status: 'succeeded' };
      throw await this.leaseError(taskId, agentId, 'complete');
    }
    this.finished(task);
    return { status: task.status };
  }

  async fail(agentId: string, raw: z.input<typeof FailInput>): Promise<{ status: Task['status'] }> {
    const { taskId, leaseToken, error, retryable } = FailInput.parse(raw);
    const task = await this.store.tasks.finish(taskId, agentId, leaseToken, {
      status: 'failed',
      error,
      retry: retryable,
    });
    if (!task) throw await this.leaseError(taskId, agentId, 'fail');
    this.finished(task);
    return { status: task.status };
  }

  /**
   * Hands a task back to the queue without counting a failure (an agent draining, or parked by a
   * rate limit): its place in the queue is kept and the attempt does not use up its budget.
   */
  async release(agentId: string, raw: z.input<typeof ReleaseInput>): Promise<{ ok: true }> {
    const { taskId, leaseToken, reason } = ReleaseInput.parse(raw);
    const released = await this.store.tasks.release(taskId, agentId, leaseToken, reason);
    if (!released) throw await this.leaseError(taskId, agentId, 'release');
    // Its event names no agent: a hand-back says nothing against the agent's health.
    this.metrics.requeued('released');
    this.onReady();
    return { ok: true };
  }

  /** Ends every long-poll (shutdown). */
  close(): void {
    this.polls.close();
  }

  private finished(task: Task): void {
    // Freed capacity (and a retried task) can be placed now; kicks are coalesced by the dispatcher's ticker.
    this.onReady();
    const reason =
      task.status === 'succeeded' ? 'succeeded' : `attempt ${task.attempt} failed: ${task.error ?? ''}`.trim();
    countOutcome(this.metrics, { status: task.status, reason });
  }

  private async touch(agentId: string): Promise<void> {
    const now = this.clock.now();
    if (now - (this.lastTouch.get(agentId) ?? 0) < POLL_TOUCH_INTERVAL_MS) return;
    this.lastTouch.set(agentId, now);
    await this.touchAgent(agentId);
  }

  /** Explains why a lease-bearing call changed nothing. */
  private async leaseError(taskId: string, agentId: string, verb: string): Promise<CoreError> {
    const task = await this.store.tasks.get(taskId);
    if (!task) return notFound('task', taskId);
    if (task.agentId !== agentId)
      return conflict(
        `cannot ${verb} task ${taskId}: the lease is stale, the task is no longer assigned to this agent`,
        { status: task.status },
      );
    if (task.status === 'assigned' || task.status === 'running')
      return conflict(`cannot ${verb} task ${taskId}: the lease is stale (the task is at attempt ${task.attempt})`, {
        status: task.status,
      });
    return conflict(`cannot ${verb} task ${taskId}: it is already ${task.status}`, { status: task.status });
  }
}
