'use client';

import Link from 'next/link';
import type { TaskRow } from '@/components/api-types';
import { DataTable, type Column } from '@/components/ui/data-table';
import { RelativeTime } from '@/components/ui/relative-time';
import { PriorityBadge } from './priority-badge';
import type { PendingReason } from './pending-reason';
import { TaskCard } from './task-card';
import { TaskProgress } from './task-progress';
import { TaskStatusBadge } from './task-status-badge';

interface TasksTableProps {
  tasks: TaskRow[];
  /** Agent names by id, to show who holds each task. */
  agentNames: Map<string, string>;
  hideAgent?: boolean;
  /** Why each waiting task has not started, by task id. */
  pending?: Record<string, PendingReason>;
}

export function TasksTable({ tasks, agentNames, hideAgent = false, pending = {} }: TasksTableProps) {
  const columns: Column<TaskRow>[] = [
    {
      key: 'title', header: 'Task', className: 'max-w-xs', cell: (t) => (
        <div className="min-w-0">
          <Link href={`/tasks/${t.id}`} className="block truncate font-medium text-slate-900 hover:text-indigo-600 hover:underline dark:text-slate-100">{t.title}</Link>
          <span className="font-mono text-xs text-slate-400">{t.id}</span>
        </div>
      ),
    },
    { key: 'status', header: 'Status', cell: (t) => <TaskStatusBadge status={t.status} /> },
    { key: 'priority', header: 'Priority', cell: (t) => <PriorityBadge priority={t.priority} /> },
    { key: 'progress', header: 'Progress', className: 'w-48', cell: (t) => <div className="max-w-56"><TaskProgress task={t} pending={pending[t.id]} /></div> },
    ...(hideAgent ? [] : [{
      key: 'agent', header: 'Agent', cell: (t: TaskRow) => t.agentId
        ? <Link href={`/agents/${t.agentId}`} className="text-slate-700 hover:underline dark:text-slate-300">{agentNames.get(t.agentId) ?? t.agentId}</Link>
        : <span className="text-slate-400">—</span>,
    }]),
    { key: 'attempt', header: 'Attempt', cell: (t) => <span className="tabular-nums text-slate-600 dark:text-slate-300">{t.attempt} / {t.maxAttempts}</span> },
    { key: 'created', header: 'Submitted', cell: (t) => <RelativeTime at={t.createdAt} className="text-slate-500" /> },
  ];
  const card = (t: TaskRow) => <TaskCard task={t} pending={pending[t.id]} agentName={hideAgent || !t.agentId ? null : agentNames.get(t.agentId) ?? t.agentId} />;
  return <DataTable label="Tasks" testId="tasks-table" columns={columns} rows={tasks} rowKey={(t) => t.id} minWidth="min-w-[880px]" card={card} />;
}
