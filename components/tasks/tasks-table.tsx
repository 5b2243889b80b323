'use client';

import Link from 'next/link';
import type { TaskRow } from '@/components/api-types';
import { DataTable, type Column } from '@/components/ui/data-table';
import { RelativeTime } from '@/components/ui/relative-time';
import { PriorityBadge } from './priority-badge';
import type { PendingReason } from './pending-reason';
import { SelectCheckbox } from './select-checkbox';
import { TaskCard } from './task-card';
import { TaskProgress } from './task-progress';
import { TaskStatusBadge } from './task-status-badge';
import type { TaskSelection } from './use-task-selection';

interface TasksTableProps {
  tasks: TaskRow[];
  /** Agent names by id, to show who holds each task. */
  agentNames: Map<string, string>;
  hideAgent?: boolean;
  /** Why each waiting task has not started, by task id. */
  pending?: Record<string, PendingReason>;
  /** Check boxes per row and for the whole page, for bulk actions. */
  selection?: TaskSelection;
}

export function TasksTable({ tasks, agentNames, hideAgent = false, pending = {}, selection }: TasksTableProps) {
  const columns: Column<TaskRow>[] = [
    ...(selection
      ? [
          {
            key: 'select',
            className: 'w-10 pr-0',
            headerClassName: 'w-10 pr-0',
            header: (
              <SelectCheckbox
                checked={selection.all}
                indeterminate={selection.some}
                onChange={selection.toggleAll}
                label="Select every task on this page"
                testId="select-all"
              />
            ),
            cell: (t: TaskRow) => (
              <SelectCheckbox
                checked={selection.has(t.id)}
                onChange={() => selection.toggle(t.id)}
                label={`Select task ${t.title}`}
              />
            ),
          },
        ]
      : []),
    {
      key: 'title',
      header: 'Task',
      className: 'max-w-xs',
      cell: (t) => (
        <div className="min-w-0">
          <Link
            href={`/tasks/${t.id}`}
            className="block truncate font-medium text-slate-900 hover:text-indigo-600 hover:underline dark:text-slate-100"
          >
            {t.title}
          </Link>
          <span className="font-mono text-xs text-slate-400">{t.id}</span>
        </div>
      ),
    },
    { key: 'status', header: 'Status', cell: (t) => <TaskStatusBadge status={t.status} /> },
    { key: 'priority', header: 'Priority', cell: (t) => <PriorityBadge priority={t.priority} /> },
    {
      key: 'progress',
      header: 'Progress',
      className: 'w-48',
      cell: (t) => (
        <div className="max-w-56">
          <TaskProgress task={t} pending={pending[t.id]} />
        </div>
      ),
    },
    ...(hideAgent
      ? []
      : [
          {
            key: 'agent',
            header: 'Agent',
            cell: (t: TaskRow) =>
              t.agentId ? (
                <Link href={`/agents/${t.agentId}`} className="text-slate-700 hover:underline dark:text-slate-300">
                  {agentNames.get(t.agentId) ?? t.agentId}
                </Link>
              ) : (
                <span className="text-slate-400">—</span>
              ),
          },
        ]),
    {
      key: 'attempt',
      header: 'Attempt',
      cell: (t) => (
        <span className="tabular-nums text-slate-600 dark:text-slate-300">
          {t.attempt} / {t.maxAttempts}
        </span>
      ),
    },
    { key: 'created', header: 'Submitted', cell: (t) => <RelativeTime at={t.createdAt} className="text-slate-500" /> },
  ];
  const card = (t: TaskRow) => (
    <TaskCard
      task={t}
      pending={pending[t.id]}
      agentName={hideAgent || !t.agentId ? null : (agentNames.get(t.agentId) ?? t.agentId)}
      select={selection && { checked: selection.has(t.id), toggle: () => selection.toggle(t.id) }}
    />
  );
  return (
    <DataTable
      label="Tasks"
      testId="tasks-table"
      columns={columns}
      rows={tasks}
      rowKey={(t) => t.id}
      minWidth={selection ? 'min-w-[920px]' : 'min-w-[880px]'}
      card={card}
    />
  );
}
