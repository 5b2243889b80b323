import type { TaskRow } from '@/components/api-types';
import { ProgressBar } from '@/components/ui/progress-bar';
import { PendingReasonText, type PendingReason } from './pending-reason';
import { RetryCountdown } from './retry-countdown';

interface TaskProgressProps {
  task: Pick<TaskRow, 'status' | 'progressPercent' | 'progressMessage' | 'retryAt' | 'error'>;
  /** Why a waiting task has not started, when known. */
  pending?: PendingReason | null;
}

/** Progress bar plus the agent's latest message; a waiting task says why it waits, a finished one its outcome. */
export function TaskProgress({ task, pending }: TaskProgressProps) {
  if (task.status === 'succeeded') return <ProgressBar percent={100} tone="green" label="Progress" />;
  if (task.status === 'failed' || task.status === 'cancelled') {
    return (
      <ProgressBar percent={task.progressPercent} tone={task.status === 'failed' ? 'red' : 'amber'} label="Progress" />
    );
  }
  if (task.status === 'dead-lettered') {
    return (
      <span className="block truncate text-xs text-red-700 dark:text-red-400" title={task.error ?? undefined}>
        attempts used up{task.error ? `: ${task.error}` : ''}
      </span>
    );
  }
  if (task.status === 'retry-wait') {
    return (
      <span className="block truncate text-xs text-orange-700 dark:text-orange-400" title={task.error ?? undefined}>
        <RetryCountdown at={task.retryAt} />
      </span>
    );
  }
  if (task.status === 'queued' || task.status === 'blocked') {
    return pending ? <PendingReasonText reason={pending} /> : <span className="text-xs text-slate-400">waiting</span>;
  }
  return (
    <div className="min-w-0">
      <div className="mb-1 flex items-baseline justify-between gap-2 text-xs">
        <span className="truncate text-slate-600 dark:text-slate-300" data-testid="task-progress-message">
          {task.progressMessage ?? 'started'}
        </span>
        {task.progressPercent != null && (
          <span className="tabular-nums text-slate-500">{Math.round(task.progressPercent)}%</span>
        )}
      </div>
      <ProgressBar percent={task.progressPercent} label="Progress" />
    </div>
  );
}
