'use client';

import Link from 'next/link';
import type { RecentDecisionRow } from '@/components/api-types';
import { DataTable, type Column } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { formatNumber } from '@/components/ui/format';
import { RelativeTime } from '@/components/ui/relative-time';

const COLUMNS: Column<RecentDecisionRow>[] = [
  { key: 'task', header: 'Task', cell: (d) => <Link href={`/tasks/${d.taskId}`} className="font-mono text-xs text-indigo-600 hover:underline dark:text-indigo-400">{d.taskId}</Link> },
  { key: 'winner', header: 'Winner', cell: (d) => <Link href={`/agents/${d.winnerAgentId}`} className="font-medium hover:underline">{d.winnerAgentName}</Link> },
  { key: 'strategy', header: 'Strategy', cell: (d) => <span className="text-slate-600 dark:text-slate-300">{d.strategy}</span> },
  { key: 'candidates', header: 'Candidates', cell: (d) => <span className="tabular-nums">{d.candidates.length} <span className="text-slate-400">/ {d.candidates.length + d.excluded.length}</span></span> },
  { key: 'time', header: 'Decision time', cell: (d) => <span className="tabular-nums">{formatNumber(d.durationUs)} µs</span>, className: 'text-right', headerClassName: 'text-right' },
  { key: 'at', header: 'When', cell: (d) => <RelativeTime at={d.decidedAt} className="text-slate-500" />, className: 'text-right', headerClassName: 'text-right' },
];

/** The latest routing decisions, newest first. */
export function RecentDecisions({ decisions }: { decisions: RecentDecisionRow[] }) {
  if (!decisions.length) {
    return <div className="p-4"><EmptyState title="No assignments yet">Decisions appear here as soon as a queued task is routed to an agent.</EmptyState></div>;
  }
  return <DataTable label="Recent assignment decisions" columns={COLUMNS} rows={decisions} rowKey={(d) => d.id} minWidth="min-w-[640px]" card={(d) => (
    <div className="flex items-center justify-between gap-3 text-sm">
      <div className="min-w-0">
        <p className="truncate font-medium">{d.winnerAgentName}</p>
        <Link href={`/tasks/${d.taskId}`} className="font-mono text-xs text-indigo-600 dark:text-indigo-400">{d.taskId}</Link>
      </div>
      <div className="shrink-0 text-right text-xs text-slate-500">
        <p className="tabular-nums">{formatNumber(d.durationUs)} µs · {d.candidates.length}/{d.candidates.length + d.excluded.length}</p>
        <RelativeTime at={d.decidedAt} />
      </div>
    </div>
  )} />;
}
