import { z } from 'zod';
import { CoreError, conflict, notFound } from '../errors';
import type { Assignment, Task } from '../model';
import type { EventBus, Metrics, Store } from '../ports';
import { announceOutcome } from '../tasks/announce-outcome';
import { PollWaiters } from './poll-waiters';

export const PollInput = z.object({ waitMs: z.number().int().min(0).max(30_000).default(25_000) }).default({ waitMs: 25_000 });
const Lease = { taskId: z.string().min(1).max(64), leaseToken: z.string().min(1).max(128) };
export const StartInput = z.object(Lease);
export const ProgressInput = z.object({ ...Lease, message: z.string().max(10_000).default(''), percent: z.number().min(0).max(100).optional() });
export const CompleteInput = z.object({ ...Lease, result: z.unknown().optional() });
export const FailInput = z.object({ ...Lease, error: z.string().min(1).max(10_000), retryable: z.boolean().default(true) });

/** How often a long-poll may count as a sign of life, at most (saves a write per poll under load). */
const POLL_TOUCH_INTERVAL_MS = 5_000;
/**
 * A poll reads the store only when an assignment may be waiting there: after an assignment
 * event for the agent, or when this long has passed (redeliveries). Otherwise hand-offs serve it.
 */
const STORE_RECHECK_MS = 5_000;

/** The agent side of the protocol: poll for an assignment, then start, report progress, finish. */
export class WorkService {
  readonly waiters = new PollWaiters();
  private lastTouch = new Map<string, number>();
  private storeCheckedAt = new Map<string, number>();
  private mayHaveWork = new Set<string>();
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly bus: EventBus,
    private readonly metrics: Metrics,
    private readonly touchAgent: (agentId: string) => Promise<void>,
    /** Work may be placeable now: an agent opened a poll, or a task went back to the queue. */
    private readonly onReady: () => void,
  ) {}

  async poll(agentId: string, raw: z.input<typeof PollInput>, signal?: AbortSignal): Promise<Assignment | null> {
    const { waitMs } = PollInput.parse(raw);
    await this.touch(agentId);
    const deadline = Date.now() + waitMs;
    for (;;) {
      // Registered before reading the store, so an assignment event in between still wakes us.
      const waiter = this.waiters.register(agentId);
      let assignment: Assignment | null = null;
      if (this.mayHaveWork.has(agentId) || Date.now() - (this.storeCheckedAt.get(agentId) ?? 0) > STORE_RECHECK_MS) {
        this.mayHaveWork.delete(agentId);
        this.storeCheckedAt.set(agentId, Date.now());
        try {
          assignment = await this.store.tasks.deliver(agentId);
        } catch (e) {
          waiter.cancel();
          throw e;
        }
      }
      const remaining = deadline - Date.now();
      if (assignment || remaining <= 0 || this.closed || signal?.aborted) {
        waiter.cancel();
        return assignment;
      }
      waiter.open();
      this.onReady();
      const handed = await waiter.wait(remaining, signal);
      if (handed) return handed;
    }
  }

  async start(agentId: string, raw: z.input<typeof StartInput>): Promise<{ status: 'running' }> {
    const { taskId, leaseToken } = StartInput.parse(raw);
    const task = await this.store.tasks.start(taskId, agentId, leaseToken);
    if (!task) throw await this.leaseError(taskId, agentId, 'start');
    await this.bus.publish('task:started', { taskId, agentId, attempt: task.attempt });
    return { status: 'running' };
  }

  async progress(agentId: string, raw: z.input<typeof ProgressInput>): Promise<{ ok: true }> {
    const { taskId, leaseToken, message, percent } = ProgressInput.parse(raw);
    const applied = await this.store.tasks.progress(taskId, agentId, leaseToken, message, percent ?? null);
    if (!applied) throw await this.leaseError(taskId, agentId, 'report progress on');
    await this.bus.publish('task:progress', { taskId, attempt: applied.attempt, message, percent: percent ?? null });
    return { ok: true };
  }

  async complete(agentId: string, raw: z.input<typeof CompleteInput>): Promise<{ status: Task['status'] }> {
    const { taskId, leaseToken, result } = CompleteInput.parse(raw);
    const task = await this.store.tasks.finish(taskId, agentId, leaseToken, { status: 'succeeded', result: result ?? null });
    if (!task) {
      const existing = await this.store.tasks.get(taskId);
      // A repeated completion of the same lease (the agent lost our first answer) is not an error.
      if (existing?.status === 'succeeded' && existing.agentId === agentId) return { status: 'succeeded' };
      throw await this.leaseError(taskId, agentId, 'complete');
    }
    await this.finished(task, agentId);
    return { status: task.status };
  }

  async fail(agentId: string, raw: z.input<typeof FailInput>): Promise<{ status: Task['status'] }> {
    const { taskId, leaseToken, error, retryable } = FailInput.parse(raw);
    const task = await this.store.tasks.finish(taskId, agentId, leaseToken, { status: 'failed', error, retry: retryable });
    if (!task) throw await this.leaseError(taskId, agentId, 'fail');
    await this.finished(task, agentId);
    return { status: task.status };
  }

  /** An assignment for the agent was written to the store (not handed off): its polls must look. */
  assignedInStore(agentId: string): void {
    this.mayHaveWork.add(agentId);
    this.waiters.wake(agentId);
  }

  /** Ends every long-poll (shutdown). */
  close(): void {
    this.closed = true;
    this.waiters.wakeAll();
  }

  private async finished(task: Task, agentId: string): Promise<void> {
    // Freed capacity is used when the agent polls again (which dispatches); a retried task needs a pass now.
    if (task.status === 'queued') this.onReady();
    const reason = task.status === 'queued' ? `attempt ${task.attempt} failed: ${task.error ?? ''}`.trim() : task.status;
    await announceOutcome(this.bus, this.metrics, { taskId: task.id, agentId, attempt: task.attempt, status: task.status, reason });
  }

  private async touch(agentId: string): Promise<void> {
    const now = Date.now();
    if (now - (this.lastTouch.get(agentId) ?? 0) < POLL_TOUCH_INTERVAL_MS) return;
    this.lastTouch.set(agentId, now);
    await this.touchAgent(agentId);
  }

  /** Explains why a lease-bearing call changed nothing. */
  private async leaseError(taskId: string, agentId: string, verb: string): Promise<CoreError> {
    const task = await this.store.tasks.get(taskId);
    if (!task) return notFound('task', taskId);
    if (task.agentId !== agentId) return conflict(`cannot ${verb} task ${taskId}: the lease is stale, the task is no longer assigned to this agent`, { status: task.status });
    if (task.status === 'assigned' || task.status === 'running') return conflict(`cannot ${verb} task ${taskId}: the lease is stale (the task is at attempt ${task.attempt})`, { status: task.status });
    return conflict(`cannot ${verb} task ${taskId}: it is already ${task.status}`, { status: task.status });
  }
}
