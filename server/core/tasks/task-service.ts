import { actorRef } from '../access/actor';
import type { RequestContext } from '../access/request-context';
import { z } from 'zod';
import { conflict, notFound } from '../errors';
import {
  PRIORITIES,
  TASK_STATES,
  TERMINAL_TASK_STATES,
  type AssignmentDecision,
  type ProgressEvent,
  type Task,
  type TaskAttempt,
} from '../model';
import type { Logger, Metrics, Store, Clock } from '../ports';
import { newId } from '../shared/ids';
import { PageCursorInput } from '../shared/page-cursor';
import { TimeInput } from '../shared/time-input';
import { SetPriorityInput } from './bulk-input';
import { checkDependencies } from './dependencies';
import { DEFAULT_CONCURRENCY_LIMIT } from './queue-policy';
import { SubmitTasksInput, toSpecs, type SubmitTasksInput as SubmitRaw } from './submit-input';

export const ListTasksInput = z
  .object({
    status: z.array(z.enum(TASK_STATES)).max(TASK_STATES.length).optional(),
    priority: z.array(z.enum(PRIORITIES)).max(PRIORITIES.length).optional(),
    agentId: z.string().max(64).optional(),
    search: z.string().trim().max(200).optional(),
    cursor: PageCursorInput.nullish(),
    limit: z.number().int().min(1).max(500).default(50),
    /** A time window [since, until) in epoch ms or ISO 8601, on the finish time (default) or the creation time. */
    since: TimeInput.optional(),
    until: TimeInput.optional(),
    timeField: z.enum(['finished', 'created']).default('finished'),
  })
  .refine((f) => f.since === undefined || f.until === undefined || f.until > f.since, {
    message: 'must be later than since',
    path: ['until'],
  })
  .default({ limit: 50, timeField: 'finished' });

export interface TaskDetail {
  task: Task;
  attempts: TaskAttempt[];
  progress: ProgressEvent[];
  decisions: AssignmentDecision[];
}

/** Submission, reading and operator actions on tasks. */
export class TaskService {
  constructor(
    private readonly store: Store,
    private readonly metrics: Metrics,
    private readonly log: Logger,
    private readonly onQueued: () => void,
    private readonly clock: Clock,
  ) {}

  async submit(req: RequestContext, raw: SubmitRaw): Promise<{ ids: string[] }> {
    const input = SubmitTasksInput.parse(raw);
    const submittedBy = actorRef(req.actor);
    const specs = toSpecs(input);
    await checkDependencies(this.store.tasks, specs, 'tasks' in input);
    const { ids, created } = await this.store.tasks.insert(
      specs.map((s) => ({
        id: newId('tsk', this.clock.now()),
        title: s.title,
        payload: s.payload ?? null,
        capabilities: [...new Set(s.capabilities)],
        priority: s.priority,
        maxAttempts: s.maxAttempts,
        contextKey: s.contextKey ?? null,
        idempotencyKey: s.idempotencyKey ?? null,
        timeoutMs: s.timeoutMs ?? null,
        submittedBy,
        project: s.project,
        concurrencyKey: s.concurrencyKey ?? null,
        concurrencyLimit: s.concurrencyKey === undefined ? null : (s.concurrencyLimit ?? DEFAULT_CONCURRENCY_LIMIT),
        dependsOn: [...new Set(s.dependsOn)],
      })),
    );
    if (created.length) {
      this.metrics.submitted(created.length);
      this.onQueued();
    }
    return { ids };
  }

  async get(id: string): Promise<Task> {
    const task = await this.store.tasks.get(id);
    if (!task) throw notFound('task', id);
    return task;
  }

  async detail(id: string): Promise<TaskDetail> {
    const task = await this.get(id);
    const [attempts, progress, decisions] = await Promise.all([
      this.store.tasks.attempts(id),
      this.store.tasks.progressLog(id, 500),
      this.store.tasks.decisions(id),
    ]);
    return { task, attempts, progress, decisions };
  }

  list(raw: z.input<typeof ListTasksInput>) {
    const f = ListTasksInput.parse(raw);
    return this.store.tasks.list({ ...f, cursor: f.cursor ?? undefined });
  }

  /** Reprioritise a task not yet finished; the queue orders it by the new priority at once. */
  async setPriority(req: RequestContext, raw: SetPriorityInput): Promise<Task> {
    const { id, priority } = SetPriorityInput.parse(raw);
    const [changed] = await this.store.tasks.setPriority([id], priority);
    const task = await this.get(id);
    if (!changed) {
      if (TERMINAL_TASK_STATES.includes(task.status)) {
        throw conflict(`task ${id} is ${task.status}: only a task not yet finished can be reprioritised`, {
          status: task.status,
        });
      }
      return task; // it already had that priority
    }
    await this.store.taskActions.record({
      taskIds: [id],
      action: 'set-priority',
      actor: actorRef(req.actor),
      detail: { from: changed.previous, to: priority },
    });
    req.log.info({ taskId: id, from: changed.previous, to: priority }, 'task reprioritised');
    this.onQueued();
    return task;
  }

  async cancel(req: RequestContext, id: string): Promise<Task> {
    const task = await this.store.tasks.cancel(id);
    if (task)
      await this.store.taskActions.record({ taskIds: [id], action: 'cancel', actor: actorRef(req.actor), detail: {} });
    if (!task) {
      const existing = await this.get(id);
      return existing; // already terminal: cancelling again changes nothing
    }
    this.metrics.finished('cancelled');
    if (task.agentId) this.onQueued();
    return task;
  }
}
