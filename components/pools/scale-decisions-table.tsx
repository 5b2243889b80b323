'use client';

import { ClockTime } from '@/components/ui/clock-time';
import { DataTable, type Column } from '@/components/ui/data-table';
import { RelativeTime } from '@/components/ui/relative-time';
import { ScaleActionBadge } from './scale-action-badge';
import { ScaleDelta } from './scale-delta';
import { ScaleReason } from './scale-reason';
import type { ScaleDecisionRow } from './types';

const COLUMNS: Column<ScaleDecisionRow>[] = [
  {
    key: 'at',
    header: 'When',
    cell: (d) => (
      <span className="text-slate-600 dark:text-slate-300">
        <ClockTime at={d.at} /> <RelativeTime at={d.at} className="text-xs text-slate-400" />
      </span>
    ),
  },
  { key: 'action', header: 'Action', cell: (d) => <ScaleActionBadge action={d.action} /> },
  {
    key: 'delta',
    header: 'Δ awake',
    cell: (d) => <ScaleDelta delta={d.delta} />,
    className: 'text-right',
    headerClassName: 'text-right',
  },
  {
    key: 'backlog',
    header: 'Backlog',
    cell: (d) => <span className="tabular-nums">{d.backlog}</span>,
    className: 'text-right',
    headerClassName: 'text-right',
  },
  {
    key: 'size',
    header: 'Size / awake',
    cell: (d) => (
      <span className="tabular-nums">
        {d.size} <span className="text-slate-400">/ {d.awake}</span>
      </span>
    ),
    className: 'text-right',
    headerClassName: 'text-right',
  },
  {
    key: 'reason',
    header: 'Reason',
    className: 'whitespace-normal min-w-72',
    cell: (d) => <ScaleReason reason={d.reason} />,
  },
];

/** The autoscaler's decisions for one pool, newest first; the backlog and size are as it saw them. */
export function ScaleDecisionsTable({ decisions }: { decisions: ScaleDecisionRow[] }) {
  if (!decisions.length) {
    return (
      <p className="px-4 py-3 text-sm text-slate-500 dark:text-slate-400">
        No decisions yet: the autoscaler records one whenever it grows, shrinks or puts agents to sleep, and when it
        holds back.
      </p>
    );
  }
  return (
    <DataTable
      label="Scale decisions"
      testId="scale-decisions-table"
      columns={COLUMNS}
      rows={decisions}
      rowKey={(d) => String(d.id)}
      minWidth="min-w-[760px]"
      card={(d) => (
        <div className="space-y-1 text-sm">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <span className="inline-flex items-center gap-2">
              <ScaleActionBadge action={d.action} />
              <ScaleDelta delta={d.delta} />
            </span>
            <span className="text-xs text-slate-500">
              <ClockTime at={d.at} />
            </span>
          </div>
          <p className="text-slate-700 dark:text-slate-300">
            <ScaleReason reason={d.reason} />
          </p>
          <p className="text-xs tabular-nums text-slate-500">
            backlog {d.backlog} · {d.size} agents, {d.awake} awake
          </p>
        </div>
      )}
    />
  );
}
