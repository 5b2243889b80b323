'use client';

import { ClockTime } from '@/components/ui/clock-time';
import { DataTable, type Column } from '@/components/ui/data-table';
import { RelativeTime } from '@/components/ui/relative-time';
import { BreakerStateBadge } from './breaker-state-badge';
import type { BreakerTransitionRow } from './breaker-types';
import { ActorName } from '@/components/ui/actor-name';

/** "agent" or "runtime e2e" from `agent:<id>` / `runtime:<label>`. */
const breakerName = (key: string) => (key.startsWith('runtime:') ? `runtime ${key.slice('runtime:'.length)}` : 'agent');

const Transition = ({ t }: { t: BreakerTransitionRow }) => (
  <span className="inline-flex items-center gap-1.5">
    <BreakerStateBadge state={t.from} testId="breaker-from" />
    <span aria-label="to" className="text-slate-400">
      →
    </span>
    <BreakerStateBadge state={t.to} testId="breaker-to" />
  </span>
);

const COLUMNS: Column<BreakerTransitionRow>[] = [
  {
    key: 'at',
    header: 'When',
    cell: (t) => (
      <span className="text-slate-600 dark:text-slate-300">
        <ClockTime at={t.at} /> <RelativeTime at={t.at} className="text-xs text-slate-400" />
      </span>
    ),
  },
  { key: 'breaker', header: 'Breaker', cell: (t) => <span className="font-mono text-xs">{breakerName(t.key)}</span> },
  { key: 'transition', header: 'Transition', cell: (t) => <Transition t={t} /> },
  {
    key: 'reason',
    header: 'Reason',
    className: 'whitespace-normal min-w-56',
    cell: (t) => <span className="break-words">{t.reason}</span>,
  },
  {
    key: 'by',
    header: 'By',
    cell: (t) => (t.by ? <ActorName actor={t.by} /> : <span className="text-slate-400">automatic</span>),
  },
];

/** Every state change of the agent's and its runtime's breakers, newest first. */
export function BreakerHistory({ history }: { history: BreakerTransitionRow[] }) {
  if (!history.length)
    return (
      <p className="px-4 py-3 text-sm text-slate-500 dark:text-slate-400">
        No transitions yet: both breakers have been closed since the server started.
      </p>
    );
  return (
    <DataTable
      label="Breaker transitions"
      testId="breaker-history"
      columns={COLUMNS}
      rows={history}
      rowKey={(t) => `${t.key}-${t.at}-${t.from}-${t.to}`}
      minWidth="min-w-[720px]"
      card={(t) => (
        <div className="space-y-1 text-sm">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <Transition t={t} />
            <span className="text-xs text-slate-500">
              <ClockTime at={t.at} />
            </span>
          </div>
          <p className="break-words text-slate-700 dark:text-slate-300">{t.reason}</p>
          <p className="text-xs text-slate-500">
            <span className="font-mono">{breakerName(t.key)}</span> ·{' '}
            {t.by ? (
              <>
                by <ActorName actor={t.by} className="font-medium text-slate-700 dark:text-slate-200" />
              </>
            ) : (
              'automatic'
            )}
          </p>
        </div>
      )}
    />
  );
}
