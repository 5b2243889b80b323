'use client';

import Link from 'next/link';
import type { TaskRow } from '@/components/api-types';
import { ClockTime } from '@/components/ui/clock-time';
import { RetryCountdown } from './retry-countdown';

/**
 * What happens next to a task whose attempt failed: when it retries (retry-wait), or that it
 * waits in the dead-letter queue for an operator (dead-lettered).
 */
export function RetryCallout({ task }: { task: Pick<TaskRow, 'status' | 'attempt' | 'maxAttempts' | 'retryAt'> }) {
  if (task.status === 'retry-wait') {
    return (
      <div
        role="status"
        data-testid="retry-callout"
        data-status={task.status}
        className="mb-4 rounded-lg border border-orange-200 bg-orange-50 px-4 py-3 dark:border-orange-900 dark:bg-orange-950/50"
      >
        <p className="text-xs font-semibold uppercase tracking-wide text-orange-800 dark:text-orange-300">
          Waiting to retry
        </p>
        <p className="mt-1 text-base font-medium text-slate-900 dark:text-slate-50">
          Attempt {task.attempt} of {task.maxAttempts} failed; <RetryCountdown at={task.retryAt} />
          {task.retryAt != null && (
            <span className="text-sm font-normal text-slate-500 dark:text-slate-400">
              {' '}
              (at <ClockTime at={task.retryAt} />)
            </span>
          )}
        </p>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
          It goes back to the queue when its backoff ends; the backoff grows with each failed attempt.
        </p>
      </div>
    );
  }
  if (task.status === 'dead-lettered') {
    return (
      <div
        role="status"
        data-testid="retry-callout"
        data-status={task.status}
        className="mb-4 rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 dark:border-slate-700 dark:bg-slate-900"
      >
        <p className="text-xs font-semibold uppercase tracking-wide text-red-700 dark:text-red-400">
          In the dead-letter queue
        </p>
        <p className="mt-1 text-base font-medium text-slate-900 dark:text-slate-50">
          Attempt {task.attempt} of {task.maxAttempts} failed, and none are left.
        </p>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
          It stays here until an operator retries it (a fresh set of attempts) or discards it. See all of them on the{' '}
          <Link href="/dead-letters" className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
            dead letters
          </Link>{' '}
          page.
        </p>
      </div>
    );
  }
  return null;
}
