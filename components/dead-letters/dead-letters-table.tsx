'use client';

import Link from 'next/link';
import type { TaskRow } from '@/components/api-types';
import { DataTable, type Column } from '@/components/ui/data-table';
import { RelativeTime } from '@/components/ui/relative-time';
import { CapabilityChips } from './capability-chips';
import { DeadLetterActions } from './dead-letter-actions';
import { DeadLetterCard } from './dead-letter-card';

const COLUMNS: Column<TaskRow>[] = [
  {
    key: 'title',
    header: 'Task',
    className: 'max-w-60',
    cell: (t) => (
      <div className="min-w-0">
        <Link
          href={`/tasks/${t.id}`}
          className="block truncate font-medium text-slate-900 hover:text-indigo-600 hover:underline dark:text-slate-100"
          title={t.title}
        >
          {t.title}
        </Link>
        <span className="font-mono text-xs text-slate-400">{t.id}</span>
      </div>
    ),
  },
  {
    key: 'error',
    header: 'Last error',
    className: 'max-w-72',
    cell: (t) =>
      t.error ? (
        <span className="block truncate font-mono text-xs text-red-700 dark:text-red-400" title={t.error}>
          {t.error}
        </span>
      ) : (
        <span className="text-slate-400">—</span>
      ),
  },
  {
    key: 'attempts',
    header: 'Attempts',
    cell: (t) => (
      <span className="tabular-nums text-slate-600 dark:text-slate-300">
        {t.attempt} / {t.maxAttempts}
      </span>
    ),
  },
  {
    key: 'capabilities',
    header: 'Capabilities',
    className: 'whitespace-normal',
    cell: (t) => <CapabilityChips capabilities={t.capabilities} />,
  },
  {
    key: 'project',
    header: 'Project',
    cell: (t) => <span className="font-mono text-xs text-slate-600 dark:text-slate-300">{t.project}</span>,
  },
  { key: 'when', header: 'Dead-lettered', cell: (t) => <RelativeTime at={t.finishedAt} className="text-slate-500" /> },
  {
    key: 'actions',
    header: <span className="sr-only">Actions</span>,
    className: 'whitespace-normal min-w-44',
    cell: (t) => <DeadLetterActions taskId={t.id} title={t.title} />,
  },
];

/** The dead-letter queue: what failed, how often, and what it needs, with retry and discard per row. */
export function DeadLettersTable({ tasks }: { tasks: TaskRow[] }) {
  return (
    <DataTable
      label="Dead letters"
      testId="dead-letters-table"
      columns={COLUMNS}
      rows={tasks}
      rowKey={(t) => t.id}
      minWidth="min-w-[960px]"
      card={(t) => <DeadLetterCard task={t} />}
    />
  );
}
