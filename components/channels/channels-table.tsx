'use client';

import Link from 'next/link';
import { SeverityBadge } from '@/components/alerts/severity-badge';
import { formatMatchers } from '@/components/alerts/silence-matchers';
import { formatDurationText } from '@/components/alerts/rule-draft';
import { Badge } from '@/components/ui/badge';
import { DataTable, type Column } from '@/components/ui/data-table';
import { ChannelActions } from './channel-actions';
import type { ChannelRow } from './types';

const host = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/** Each channel: where it sends, which alerts, how often it repeats; its page has the delivery log. */
export function ChannelsTable({ channels, canManage }: { channels: ChannelRow[]; canManage: boolean }) {
  const columns: Column<ChannelRow>[] = [
    {
      key: 'name',
      header: 'Channel',
      cell: (c) => (
        <span>
          <Link
            href={`/alerts/channels/${c.id}`}
            className="font-medium text-slate-900 hover:text-indigo-600 hover:underline dark:text-slate-100"
          >
            {c.name}
          </Link>
          <span className="block font-mono text-[11px] text-slate-500" title={c.url}>
            {c.type} · {host(c.url)}
          </span>
        </span>
      ),
    },
    {
      key: 'routes',
      header: 'Routes',
      cell: (c) => (
        <span className="flex flex-wrap items-center gap-1">
          {c.severities.length ? (
            c.severities.map((s) => <SeverityBadge key={s} severity={s} />)
          ) : (
            <span className="text-xs text-slate-500">every severity</span>
          )}
          {c.matchers.length > 0 && (
            <span className="font-mono text-[11px] text-slate-500">{formatMatchers(c.matchers)}</span>
          )}
        </span>
      ),
      className: 'whitespace-normal',
    },
    {
      key: 'repeat',
      header: 'Repeat',
      cell: (c) => <span className="tabular-nums text-xs">every {formatDurationText(c.repeatIntervalMs)}</span>,
    },
    {
      key: 'enabled',
      header: 'State',
      cell: (c) => (
        <Badge tone={c.enabled ? 'green' : 'gray'} dot>
          {c.enabled ? 'enabled' : 'disabled'}
        </Badge>
      ),
    },
    {
      key: 'actions',
      header: '',
      cell: (c) => (canManage ? <ChannelActions channel={c} /> : null),
      className: 'text-right',
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={channels}
      rowKey={(c) => c.id}
      label="Notification channels"
      testId="channels-table"
      minWidth="min-w-[860px]"
    />
  );
}
