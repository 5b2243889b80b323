'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { CapabilityChips } from '@/components/dead-letters/capability-chips';
import { Badge } from '@/components/ui/badge';
import { PoolEnabledBadge } from './pool-enabled-badge';
import { PoolSizeFigure } from './pool-size-figure';
import type { PoolRow } from './types';

const COLUMNS: { key: string; header: string; cell: (p: PoolRow) => ReactNode; className?: string }[] = [
  {
    key: 'name', header: 'Name', cell: (p) => (
      <Link href={`/pools/${p.id}`} className="font-medium text-slate-900 hover:text-indigo-600 hover:underline dark:text-slate-100">{p.name}</Link>
    ),
  },
  { key: 'capabilities', header: 'Capabilities', cell: (p) => <CapabilityChips capabilities={p.capabilities} />, className: 'whitespace-normal min-w-40' },
  {
    key: 'provider', header: 'Provider', cell: (p) => (
      <span className="font-mono text-xs text-slate-600 dark:text-slate-300">{p.provider}<span className="text-slate-400"> · </span>{p.adapter}</span>
    ),
  },
  { key: 'size', header: 'Size', cell: (p) => <PoolSizeFigure pool={p} /> },
  { key: 'bounds', header: 'Min – max', cell: (p) => <span className="tabular-nums">{p.minSize} – {p.maxSize}</span> },
  { key: 'backlog', header: 'Backlog', cell: (p) => <span className="tabular-nums" data-testid="pool-list-backlog">{p.backlog}</span> },
  { key: 'target', header: 'Target / agent', cell: (p) => <span className="tabular-nums">{p.targetBacklogPerAgent}</span> },
  {
    key: 'enabled', header: 'State', cell: (p) => (
      <span className="inline-flex items-center gap-1.5">
        <PoolEnabledBadge enabled={p.enabled} />
        {p.hold && p.hold.kind !== 'scale-down-cooldown' && p.enabled && <Badge tone={p.hold.kind === 'crash-loop' ? 'red' : 'amber'} title={`The pool ${p.hold.message}`} testId="pool-held">held</Badge>}
      </span>
    ),
  },
];

/**
 * Every pool with its live size against its bounds and backlog. One row per pool at every width
 * (it scrolls sideways on a phone), so `pool-row-<name>` names exactly one element.
 */
export function PoolsTable({ pools }: { pools: PoolRow[] }) {
  return (
    <div className="w-full overflow-x-auto">
      <table aria-label="Pools" data-testid="pools-table" className="w-full min-w-[860px] border-collapse text-left text-sm">
        <thead>
          <tr className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
            {COLUMNS.map((c) => <th key={c.key} scope="col" className="whitespace-nowrap px-4 py-2.5 font-medium">{c.header}</th>)}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {pools.map((p) => (
            <tr key={p.id} data-testid={`pool-row-${p.name}`} className="align-middle hover:bg-slate-50/80 dark:hover:bg-slate-800/40">
              {COLUMNS.map((c) => <td key={c.key} className={`whitespace-nowrap px-4 py-2.5 ${c.className ?? ''}`}>{c.cell(p)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
