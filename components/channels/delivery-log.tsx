'use client';

import { Fragment, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { PlainTable } from '@/components/ui/plain-table';
import { RelativeTime } from '@/components/ui/relative-time';
import { DeliveryStatusBadge } from './delivery-status-badge';

export interface DeliveryLogRow {
  id: string;
  eventName: string;
  status: string;
  attempts: number;
  responseStatus: number | null;
  latencyMs: number | null;
  responseExcerpt: string | null;
  error: string | null;
  createdAt: number;
  lastAttemptAt: number | null;
  nextAttemptAt: number | null;
  replayOf?: string | null;
}

interface DeliveryLogProps {
  rows: DeliveryLogRow[];
  /** A button per row (replay), given the row. */
  action?: (row: DeliveryLogRow) => ReactNode;
}

/** Each request sent: its event, status, attempts, the receiver's answer and how long it took; a row opens the excerpt. */
export function DeliveryLog({ rows, action }: DeliveryLogProps) {
  const [open, setOpen] = useState<string | null>(null);
  const cols = action ? 8 : 7;
  return (
    <PlainTable
      label="Delivery log"
      testId="delivery-log"
      minWidth="min-w-[820px]"
      headers={['Sent', 'Event', 'Status', 'Attempts', 'Response', 'Latency', 'Delivery id', ...(action ? [''] : [])]}
    >
      {rows.map((d) => (
        <Fragment key={d.id}>
          <tr data-row-key={d.id} className="align-middle hover:bg-slate-50/80 dark:hover:bg-slate-800/40">
            <td className="whitespace-nowrap px-4 py-2.5 text-xs">
              <RelativeTime at={d.lastAttemptAt ?? d.createdAt} />
            </td>
            <td className="whitespace-nowrap px-4 py-2.5 font-mono text-xs">
              {d.eventName}
              {d.replayOf && (
                <span className="ml-1 text-slate-400" title={`replay of ${d.replayOf}`}>
                  ↻
                </span>
              )}
            </td>
            <td className="px-4 py-2.5">
              <DeliveryStatusBadge status={d.status} attempts={d.attempts} />
            </td>
            <td className="px-4 py-2.5 text-xs tabular-nums" data-testid="delivery-attempts">
              {d.attempts}
            </td>
            <td className="px-4 py-2.5">
              <button
                type="button"
                title="Show the response excerpt"
                className="flex max-w-64 items-baseline gap-1.5 text-left text-xs underline-offset-2 hover:underline"
                aria-expanded={open === d.id}
                onClick={() => setOpen(open === d.id ? null : d.id)}
              >
                <span className="font-mono">{d.responseStatus ?? (d.error ? 'error' : '—')}</span>
                <span className="truncate text-slate-500 dark:text-slate-400">{d.error ?? d.responseExcerpt}</span>
              </button>
            </td>
            <td className="whitespace-nowrap px-4 py-2.5 tabular-nums text-xs">
              {d.latencyMs == null ? '—' : `${d.latencyMs} ms`}
            </td>
            <td className="px-4 py-2.5 font-mono text-[11px] text-slate-500">{d.id}</td>
            {action && <td className="px-4 py-2.5 text-right">{action(d)}</td>}
          </tr>
          {open === d.id && (
            <tr>
              <td colSpan={cols} className="bg-slate-50 px-4 py-3 dark:bg-slate-800/40">
                {d.error && <p className="mb-2 text-xs text-red-700 dark:text-red-300">{d.error}</p>}
                <pre className="max-h-48 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-950 p-2 font-mono text-[11px] text-slate-100">
                  {d.responseExcerpt || '(empty response body)'}
                </pre>
                {d.nextAttemptAt && (
                  <p className="mt-1 text-xs text-slate-500">
                    Next attempt <RelativeTime at={d.nextAttemptAt} />
                  </p>
                )}
              </td>
            </tr>
          )}
        </Fragment>
      ))}
    </PlainTable>
  );
}

/** "Load more" under a log with more pages. */
export const LoadMore = ({ onClick, busy }: { onClick: () => void; busy: boolean }) => (
  <div className="flex justify-center border-t border-slate-100 p-3 dark:border-slate-800">
    <Button onClick={onClick} disabled={busy}>
      {busy ? 'Loading…' : 'Load more'}
    </Button>
  </div>
);
