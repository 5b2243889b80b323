'use client';

import { Badge } from '@/components/ui/badge';
import { DataTable, type Column } from '@/components/ui/data-table';
import { RelativeTime } from '@/components/ui/relative-time';
import type { PolicyChange } from './types';
import { WeightsText } from './weights-text';
import { ActorName } from '@/components/ui/actor-name';

const COLUMNS: Column<PolicyChange>[] = [
  { key: 'at', header: 'When', cell: (c) => <RelativeTime at={c.changedAt} className="text-slate-500" /> },
  { key: 'by', header: 'Who', cell: (c) => <ActorName actor={c.changedBy} /> },
  { key: 'strategy', header: 'Strategy', cell: (c) => <Badge tone="indigo">{c.strategy}</Badge> },
  {
    key: 'weights',
    header: 'Weights',
    cell: (c) => <WeightsText weights={c.weights} />,
    className: 'whitespace-normal',
  },
];

/** Every change of the routing policy, newest first: who, when, what. */
export function PolicyHistory({ history }: { history: PolicyChange[] }) {
  if (!history.length)
    return (
      <p className="px-4 py-3 text-sm text-slate-500 dark:text-slate-400">
        No changes yet: the default strategy has been in force since the start.
      </p>
    );
  return (
    <DataTable
      label="Routing policy changes"
      testId="policy-history"
      columns={COLUMNS}
      rows={history}
      rowKey={(c) => String(c.id)}
      minWidth="min-w-[520px]"
      card={(c) => (
        <div className="space-y-1 text-sm">
          <div className="flex items-center justify-between gap-2">
            <Badge tone="indigo">{c.strategy}</Badge>
            <RelativeTime at={c.changedAt} className="text-xs text-slate-500" />
          </div>
          <p className="text-xs text-slate-500">
            by <ActorName actor={c.changedBy} className="font-medium text-slate-700 dark:text-slate-200" />
          </p>
          <WeightsText weights={c.weights} />
        </div>
      )}
    />
  );
}
