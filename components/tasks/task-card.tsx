'use client';

import Link from 'next/link';
import type { TaskRow } from '@/components/api-types';
import { RelativeTime } from '@/components/ui/relative-time';
import type { PendingReason } from './pending-reason';
import { PriorityBadge } from './priority-badge';
import { SelectCheckbox } from './select-checkbox';
import { TaskProgress } from './task-progress';
import { TaskStatusBadge } from './task-status-badge';

interface TaskCardProps {
  task: TaskRow;
  agentName: string | null;
  pending?: PendingReason | null;
  /** A selection box before the title, for bulk actions. */
  select?: { checked: boolean; toggle: () => void };
}

/** A task as a phone-sized card (the table's columns, stacked). */
export function TaskCard({ task: t, agentName, pending, select }: TaskCardProps) {
  return (
    <div className="min-w-0 space-y-2" data-task-id={t.id}>
      <div className="flex items-start gap-2">
        {select && (
          <span className="pt-0.5">
            <SelectCheckbox checked={select.checked} onChange={select.toggle} label={`Select task ${t.title}`} />
          </span>
        )}
        <Link
          href={`/tasks/${t.id}`}
          className="min-w-0 flex-1 break-words font-medium text-slate-900 hover:underline dark:text-slate-100"
        >
          {t.title}
        </Link>
        <TaskStatusBadge status={t.status} />
      </div>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
        <PriorityBadge priority={t.priority} />
        <span>
          attempt {t.attempt}/{t.maxAttempts}
        </span>
        {agentName && <span className="truncate">on {agentName}</span>}
        <RelativeTime at={t.createdAt} />
      </div>
      <TaskProgress task={t} pending={pending} />
    </div>
  );
}
