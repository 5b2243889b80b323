import type { ActorRef } from '../access/actor';

/** What an operator (or program) did to tasks by hand; the dispatcher's own moves are attempts, not actions. */
export type TaskActionKind = 'cancel' | 'retry' | 'discard' | 'set-priority';

export interface TaskAction {
  taskId: string;
  action: TaskActionKind;
  actor: ActorRef;
  /** What the action carried: the new priority, the dead-letter filter, dependents cancelled… */
  detail: Record<string, unknown>;
  at: number;
}

/** The port: every manual action on tasks, with who took it, for the task page and a later audit log. */
export interface TaskActionStore {
  record(action: {
    taskIds: string[];
    action: TaskActionKind;
    actor: ActorRef;
    detail: Record<string, unknown>;
  }): Promise<void>;
  /** Newest first. */
  forTask(taskId: string, limit: number): Promise<TaskAction[]>;
}
