'use client';

import Link from 'next/link';
import { CapabilityChips } from '@/components/dead-letters/capability-chips';
import { Badge } from '@/components/ui/badge';
import { DataTable, type Column } from '@/components/ui/data-table';
import { PoolEnabledBadge } from './pool-enabled-badge';
import { PoolSizeFigure } from './pool-size-figure';
import type { PoolRow } from './types';

const PoolLink = ({ p, className = '' }: { p: PoolRow; className?: string }) => (
  <Link
    href={`/pools/${p.id}`}
    className={`font-medium text-slate-900 hover:text-indigo-600 hover:underline dark:text-slate-100 ${className}`}
  >
    {p.name}
  </Link>
);

const Provider = ({ p }: { p: PoolRow }) => (
  <span className="font-mono text-xs text-slate-600 dark:text-slate-300">
    {p.provider}
    <span className="text-slate-400"> · </span>
    {p.adapter}
  </span>
);

const PoolState = ({ p }: { p: PoolRow }) => (
  <span className="inline-flex items-center gap-1.5">
    <PoolEnabledBadge enabled={p.enabled} />
    {p.hold && p.hold.kind !== 'scale-down-cooldown' && p.enabled && (
      <Badge
        tone={p.hold.kind === 'crash-loop' ? 'red' : 'amber'}
        title={`The pool ${p.hold.message}`}
        testId="pool-held"
      >
        held
      </Badge>
    )}
  </span>
);

const COLUMNS: Column<PoolRow>[] = [
  { key: 'name', header: 'Name', cell: (p) => <PoolLink p={p} /> },
  {
    key: 'capabilities',
    header: 'Capabilities',
    cell: (p) => <CapabilityChips capabilities={p.capabilities} />,
    className: 'whitespace-normal min-w-32',
  },
  { key: 'provider', header: 'Provider', cell: (p) => <Provider p={p} /> },
  { key: 'size', header: 'Size', cell: (p) => <PoolSizeFigure pool={p} /> },
  {
    key: 'bounds',
    header: 'Min – max',
    cell: (p) => (
      <span className="tabular-nums">
        {p.minSize} – {p.maxSize}
      </span>
    ),
  },
  {
    key: 'backlog',
    header: 'Backlog',
    cell: (p) => (
      <span className="tabular-nums" data-testid="pool-list-backlog">
        {p.backlog}
      </span>
    ),
  },
  {
    key: 'target',
    header: 'Target / agent',
    cell: (p) => <span className="tabular-nums">{p.targetBacklogPerAgent}</span>,
  },
  { key: 'enabled', header: 'State', cell: (p) => <PoolState p={p} /> },
];

/** Every pool with its live size against its bounds and backlog: a table, or one card per pool on a phone. */
export function PoolsTable({ pools }: { pools: PoolRow[] }) {
  return (
    <DataTable
      label="Pools"
      testId="pools-table"
      columns={COLUMNS}
      rows={pools}
      rowKey={(p) => p.id}
      minWidth="min-w-[700px]"
      card={(p) => (
        <div className="space-y-2 text-sm">
          <div className="flex items-start justify-between gap-2">
            <PoolLink p={p} className="min-w-0 break-all" />
            <span className="shrink-0">
              <PoolState p={p} />
            </span>
          </div>
          <CapabilityChips capabilities={p.capabilities} />
          <div className="flex flex-wrap items-end gap-x-5 gap-y-2">
            <PoolSizeFigure pool={p} />
            <span className="text-xs text-slate-500 dark:text-slate-400">
              <span className="tabular-nums">
                {p.minSize} – {p.maxSize}
              </span>{' '}
              agents · backlog <span className="tabular-nums">{p.backlog}</span>, target{' '}
              <span className="tabular-nums">{p.targetBacklogPerAgent}</span> per agent
            </span>
            <Provider p={p} />
          </div>
        </div>
      )}
    />
  );
}
