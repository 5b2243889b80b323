'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/components/trpc/client';
import { errorToast } from '@/components/ui/action-toast';
import { Badge } from '@/components/ui/badge';
import { DataTable, type Column } from '@/components/ui/data-table';
import { DeleteButton } from '@/components/ui/delete-button';
import { formatDuration } from '@/components/ui/format';
import { useToast } from '@/components/ui/toast';
import type { HookRow } from './types';

function DeleteHookButton({ hook: h }: { hook: HookRow }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const remove = useMutation(
    trpc.hooks.delete.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries(trpc.hooks.pathFilter());
        toast({
          title: `Hook ${h.name} deleted`,
          description: h.kind === 'event' ? 'No more events are sent there.' : 'Assignments no longer ask it.',
        });
      },
      onError: (err) => toast(errorToast(`Could not delete hook ${h.name}`, err)),
    }),
  );
  return (
    <DeleteButton
      title={`Delete hook ${h.name}?`}
      body="It stops at once; deliveries still waiting fail."
      busy={remove.isPending}
      onDelete={() => remove.mutate({ id: h.id })}
    />
  );
}

/** What each hook gets: its events (subscriptions), or its time limit and fail mode (pre-assignment). */
export function HooksTable({ hooks, canManage }: { hooks: HookRow[]; canManage: boolean }) {
  const columns: Column<HookRow>[] = [
    {
      key: 'name',
      header: 'Hook',
      cell: (h) => (
        <span>
          <Link
            href={`/hooks/${h.id}`}
            className="font-medium text-slate-900 hover:text-indigo-600 hover:underline dark:text-slate-100"
          >
            {h.name}
          </Link>
          <span className="block max-w-xs truncate font-mono text-[11px] text-slate-500" title={h.url}>
            {h.url}
          </span>
        </span>
      ),
    },
    {
      key: 'what',
      header: 'Gets',
      cell: (h) =>
        h.kind === 'event' ? (
          <span className="flex flex-wrap gap-1">
            {h.patterns.map((p) => (
              <span key={p} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[11px] dark:bg-slate-800">
                {p}
              </span>
            ))}
          </span>
        ) : (
          <span className="text-xs">
            every assignment · {formatDuration(h.timeoutMs)} limit ·{' '}
            <Badge tone={h.failMode === 'closed' ? 'amber' : 'gray'}>fail-{h.failMode}</Badge>
          </span>
        ),
      className: 'whitespace-normal min-w-48',
    },
    {
      key: 'enabled',
      header: 'State',
      cell: (h) => (
        <Badge tone={h.enabled ? 'green' : 'gray'} dot>
          {h.enabled ? 'enabled' : 'disabled'}
        </Badge>
      ),
    },
    {
      key: 'actions',
      header: '',
      cell: (h) => (canManage ? <DeleteHookButton hook={h} /> : null),
      className: 'text-right',
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={hooks}
      rowKey={(h) => h.id}
      label="Hooks"
      testId="hooks-table"
      minWidth="min-w-[720px]"
    />
  );
}
