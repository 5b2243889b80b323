'use client';

import Link from 'next/link';
import { TERMINAL_TASK_STATES } from '@/server/core/model';
import type { TaskFields } from '@/components/api-types';
import { RelativeTime } from '@/components/ui/relative-time';
import { CancelTaskButton } from './cancel-task-button';
import { ChangePrioritySelect } from './change-priority-select';
import { DiscardTaskButton } from './discard-task-button';
import { PriorityBadge } from './priority-badge';
import { RetryTaskButton } from './retry-task-button';
import { TaskProgress } from './task-progress';
import { TaskStatusBadge } from './task-status-badge';
import { ActorName } from '@/components/ui/actor-name';

interface TaskHeaderProps {
  task: TaskFields;
  agentName: string | null;
}

/** States an operator can send back to the queue with a fresh set of attempts. */
const RETRYABLE: readonly TaskFields['status'][] = ['dead-lettered', 'failed', 'cancelled'];

/**
 * Title, status, priority, attempt and agent, with cancel and a priority choice while the task
 * can still change, and retry (and, for a dead letter, discard) once it has ended badly.
 */
export function TaskHeader({ task, agentName }: TaskHeaderProps) {
  const terminal = TERMINAL_TASK_STATES.includes(task.status);
  return (
    <div className="mb-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="break-words text-xl font-semibold tracking-tight">{task.title}</h1>
          <p className="mt-0.5 font-mono text-xs text-slate-500">{task.id}</p>
        </div>
        {!terminal && <CancelTaskButton task={task} />}
        {RETRYABLE.includes(task.status) && (
          <div className="flex flex-wrap items-center gap-2" data-testid="task-actions">
            <RetryTaskButton key={`${task.id}-${task.attempt}`} taskId={task.id} title={task.title} />
            {task.status === 'dead-lettered' && (
              <DiscardTaskButton key={`d-${task.id}-${task.attempt}`} taskId={task.id} title={task.title} />
            )}
          </div>
        )}
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <TaskStatusBadge status={task.status} />
        {terminal ? <PriorityBadge priority={task.priority} /> : <ChangePrioritySelect task={task} />}
        <span className="text-slate-600 dark:text-slate-300" data-testid="task-attempt">
          attempt {task.attempt} of {task.maxAttempts}
        </span>
        <span className="text-slate-600 dark:text-slate-300">
          agent{' '}
          {task.agentId ? (
            <Link
              href={`/agents/${task.agentId}`}
              className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
              data-testid="task-agent"
            >
              {agentName ?? task.agentId}
            </Link>
          ) : (
            <span className="text-slate-400">none yet</span>
          )}
        </span>
        <span className="text-slate-500">
          submitted <RelativeTime at={task.createdAt} />
          {task.submittedBy && (
            <>
              {' '}
              by <ActorName actor={task.submittedBy} className="" />
            </>
          )}
        </span>
      </div>
      {(task.status === 'assigned' || task.status === 'running') && (
        <div className="mt-4 max-w-xl">
          <TaskProgress task={task} />
        </div>
      )}
    </div>
  );
}
