'use client';

import Link from 'next/link';
import type { TaskRow } from '@/components/api-types';
import { RelativeTime } from '@/components/ui/relative-time';
import type { PendingReason } from './pending-reason';
import { PriorityBadge } from './priority-badge';
import { TaskProgress } from './task-progress';
import { TaskStatusBadge } from './task-status-badge';

interface TaskCardProps {
  task: TaskRow;
  agentName: string | null;
  pending?: PendingReason | null;
}

/** A task as a phone-sized card (the table's columns, stacked). */
export function TaskCard({ task: t, agentName, pending }: TaskCardProps) {
  return (
    <div className="min-w-0 space-y-2">
      <div className="flex items-start justify-between gap-2">
        <Link href={`/tasks/${t.id}`} className="min-w-0 font-medium text-slate-900 hover:underline dark:text-slate-100">{t.title}</Link>
        <TaskStatusBadge status={t.status} />
      </div>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
        <PriorityBadge priority={t.priority} />
        <span>attempt {t.attempt}/{t.maxAttempts}</span>
        {agentName && <span className="truncate">on {agentName}</span>}
        <RelativeTime at={t.createdAt} />
      </div>
      <TaskProgress task={t} pending={pending} />
    </div>
  );
}
