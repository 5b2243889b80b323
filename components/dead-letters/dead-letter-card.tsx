'use client';

import Link from 'next/link';
import type { TaskRow } from '@/components/api-types';
import { RelativeTime } from '@/components/ui/relative-time';
import { CapabilityChips } from './capability-chips';
import { DeadLetterActions } from './dead-letter-actions';

/** A dead letter as a phone-sized card (the table's columns, stacked). */
export function DeadLetterCard({ task: t }: { task: TaskRow }) {
  return (
    <div className="min-w-0 space-y-2" data-testid="dead-letter" data-task-id={t.id}>
      <div className="flex items-start justify-between gap-2">
        <Link
          href={`/tasks/${t.id}`}
          className="min-w-0 break-words font-medium text-slate-900 hover:underline dark:text-slate-100"
        >
          {t.title}
        </Link>
        <RelativeTime at={t.finishedAt} className="shrink-0 text-xs text-slate-500" />
      </div>
      {t.error && (
        <p className="line-clamp-2 break-words font-mono text-xs text-red-700 dark:text-red-400" title={t.error}>
          {t.error}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
        <span className="tabular-nums">
          {t.attempt} / {t.maxAttempts} attempts
        </span>
        <span>
          project <span className="font-mono">{t.project}</span>
        </span>
        <CapabilityChips capabilities={t.capabilities} />
      </div>
      <DeadLetterActions taskId={t.id} title={t.title} />
    </div>
  );
}
