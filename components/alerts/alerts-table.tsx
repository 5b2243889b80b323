'use client';

import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { DataTable, type Column } from '@/components/ui/data-table';
import { RelativeTime } from '@/components/ui/relative-time';
import { AlertStateBadge } from './alert-state-badge';
import { alertHref } from './critical-alert-notice';
import { LabelChips } from './label-chips';
import { SEVERITY_BAR, SeverityBadge } from './severity-badge';
import type { AlertRow } from './types';

const AlertTitle = ({ a }: { a: AlertRow }) => (
  <span className="flex min-w-0 items-start gap-2">
    <span aria-hidden className={`mt-1 h-8 w-1 shrink-0 rounded-full ${SEVERITY_BAR[a.severity] ?? 'bg-slate-400'}`} />
    <span className="min-w-0">
      <Link
        href={alertHref(a.id)}
        className="font-medium text-slate-900 hover:text-indigo-600 hover:underline dark:text-slate-100"
      >
        {a.rule}
      </Link>
      <span className="block max-w-md truncate text-xs text-slate-500 dark:text-slate-400" title={a.summary}>
        {a.summary}
      </span>
    </span>
  </span>
);

/** Silenced and inhibited alerts still show, marked: nobody is notified about them. */
export const Marks = ({ a }: { a: AlertRow }) => (
  <span className="inline-flex gap-1">
    {a.silencedBy && (
      <Badge
        tone="violet"
        title={`Silenced by ${a.silencedBy}: no notifications while it lasts`}
        testId="alert-silenced"
      >
        silenced
      </Badge>
    )}
    {a.inhibitedBy && (
      <Badge
        tone="gray"
        title={`Inhibited by alert ${a.inhibitedBy}: its cause is alerted already`}
        testId="alert-inhibited"
      >
        inhibited
      </Badge>
    )}
  </span>
);

const COLUMNS: Column<AlertRow>[] = [
  { key: 'alert', header: 'Alert', cell: (a) => <AlertTitle a={a} />, className: 'whitespace-normal min-w-64' },
  { key: 'severity', header: 'Severity', cell: (a) => <SeverityBadge severity={a.severity} /> },
  {
    key: 'state',
    header: 'State',
    cell: (a) => (
      <span className="inline-flex flex-wrap items-center gap-1">
        <AlertStateBadge state={a.state} />
        <Marks a={a} />
      </span>
    ),
  },
  {
    key: 'labels',
    header: 'Labels',
    cell: (a) => <LabelChips labels={a.labels} max={3} hideIds />,
    className: 'whitespace-normal min-w-40',
  },
  { key: 'age', header: 'Since', cell: (a) => <RelativeTime at={a.firingAt ?? a.startsAt} className="text-xs" /> },
  {
    key: 'assignee',
    header: 'Assignee',
    cell: (a) =>
      a.assignee ? <span className="text-sm">{a.assignee}</span> : <span className="text-slate-400">—</span>,
  },
];

function AlertCard({ a }: { a: AlertRow }) {
  return (
    <div className="space-y-1.5">
      <AlertTitle a={a} />
      <div className="flex flex-wrap items-center gap-1.5 pl-3">
        <SeverityBadge severity={a.severity} />
        <AlertStateBadge state={a.state} />
        <Marks a={a} />
        <RelativeTime at={a.firingAt ?? a.startsAt} className="text-xs text-slate-500" />
        {a.assignee && <span className="text-xs text-slate-500">→ {a.assignee}</span>}
      </div>
      <div className="pl-3">
        <LabelChips labels={a.labels} max={4} hideIds />
      </div>
    </div>
  );
}

/** Open alerts, firing first (the server's order); each row links to the alert. */
export function AlertsTable({ alerts }: { alerts: AlertRow[] }) {
  return (
    <DataTable
      columns={COLUMNS}
      rows={alerts}
      rowKey={(a) => a.id}
      label="Alerts"
      testId="alerts-table"
      minWidth="min-w-[800px]"
      card={(a) => <AlertCard a={a} />}
    />
  );
}
