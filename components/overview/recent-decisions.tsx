'use client';

import Link from 'next/link';
import type { RecentDecisionRow } from '@/components/api-types';
import { DataTable, type Column } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { formatNumber } from '@/components/ui/format';
import { RelativeTime } from '@/components/ui/relative-time';

/** The task by its title (its id when the task is gone), linked to its page. */
function TaskLink({ d }: { d: RecentDecisionRow }) {
  return (
    <Link
      href={`/tasks/${d.taskId}`}
      title={d.taskId}
      data-testid="decision-task"
      className="block truncate font-medium text-indigo-600 hover:underline dark:text-indigo-400"
    >
      {d.taskTitle ?? <span className="font-mono text-xs">{d.taskId}</span>}
    </Link>
  );
}

const candidates = (d: RecentDecisionRow) => (
  <span className="tabular-nums" title={`${d.candidateCount} candidates, ${d.excludedCount} agents excluded`}>
    {formatNumber(d.candidateCount)}{' '}
    <span className="text-slate-400">/ {formatNumber(d.candidateCount + d.excludedCount)}</span>
  </span>
);

const COLUMNS: Column<RecentDecisionRow>[] = [
  { key: 'task', header: 'Task', className: 'max-w-72', cell: (d) => <TaskLink d={d} /> },
  {
    key: 'winner',
    header: 'Winner',
    cell: (d) => (
      <Link href={`/agents/${d.winnerAgentId}`} className="font-medium hover:underline">
        {d.winnerAgentName}
      </Link>
    ),
  },
  {
    key: 'strategy',
    header: 'Strategy',
    cell: (d) => <span className="text-slate-600 dark:text-slate-300">{d.strategy}</span>,
  },
  { key: 'candidates', header: 'Candidates', cell: candidates },
  {
    key: 'time',
    header: 'Decision time',
    cell: (d) => <span className="tabular-nums">{formatNumber(d.durationUs)} µs</span>,
    className: 'text-right',
    headerClassName: 'text-right',
  },
  {
    key: 'at',
    header: 'When',
    cell: (d) => <RelativeTime at={d.decidedAt} className="text-slate-500" />,
    className: 'text-right',
    headerClassName: 'text-right',
  },
];

/** The latest routing decisions, newest first: which task went to which agent, and how fast it was decided. */
export function RecentDecisions({ decisions }: { decisions: RecentDecisionRow[] }) {
  if (!decisions.length) {
    return (
      <div className="p-4">
        <EmptyState title="No assignments yet">
          Decisions appear here as soon as a queued task is routed to an agent.
        </EmptyState>
      </div>
    );
  }
  return (
    <DataTable
      label="Recent assignment decisions"
      testId="recent-decisions"
      columns={COLUMNS}
      rows={decisions}
      rowKey={(d) => d.id}
      minWidth="min-w-[720px]"
      card={(d) => (
        <div className="flex items-center justify-between gap-3 text-sm">
          <div className="min-w-0">
            <TaskLink d={d} />
            <p className="truncate text-xs text-slate-500">
              to{' '}
              <Link
                href={`/agents/${d.winnerAgentId}`}
                className="font-medium text-slate-700 hover:underline dark:text-slate-300"
              >
                {d.winnerAgentName}
              </Link>
            </p>
          </div>
          <div className="shrink-0 text-right text-xs text-slate-500">
            <p className="tabular-nums">
              {formatNumber(d.durationUs)} µs · {d.candidateCount}/{d.candidateCount + d.excludedCount}
            </p>
            <RelativeTime at={d.decidedAt} />
          </div>
        </div>
      )}
    />
  );
}
