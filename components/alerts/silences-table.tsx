'use client';

import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '@/components/trpc/client';
import { errorToast } from '@/components/ui/action-toast';
import { ActorName } from '@/components/ui/actor-name';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { DataTable, type Column } from '@/components/ui/data-table';
import { RelativeTime } from '@/components/ui/relative-time';
import { useToast } from '@/components/ui/toast';
import { useNow } from '@/components/ui/use-now';
import { formatMatchers } from './silence-matchers';
import type { SilenceRow } from './types';
import { useAlertsChanged } from './use-alert-mutation';

function ExpireButton({ s }: { s: SilenceRow }) {
  const trpc = useTRPC();
  const toast = useToast();
  const changed = useAlertsChanged();
  const expire = useMutation(
    trpc.alerts.expireSilence.mutationOptions({
      onSuccess: () => {
        changed();
        toast({ title: 'Silence expired', description: `Alerts matching ${formatMatchers(s.matchers)} notify again.` });
      },
      onError: (err) => toast(errorToast('Could not expire the silence', err)),
    }),
  );
  return (
    <Button size="sm" disabled={expire.isPending} onClick={() => expire.mutate({ id: s.id })}>
      Expire
    </Button>
  );
}

function SilenceState({ s, now }: { s: SilenceRow; now: number | null }) {
  const t = now ?? Date.now();
  if (s.expiredBy || s.endsAt <= t) return <Badge tone="gray">expired</Badge>;
  if (s.startsAt > t) return <Badge tone="sky">scheduled</Badge>;
  return (
    <Badge tone="violet" dot>
      active
    </Badge>
  );
}

/** Who silenced what, why, and until when; active ones can be ended early. */
export function SilencesTable({ silences, canOperate }: { silences: SilenceRow[]; canOperate: boolean }) {
  const now = useNow();
  const columns: Column<SilenceRow>[] = [
    {
      key: 'matchers',
      header: 'Matchers',
      cell: (s) => <span className="font-mono text-xs">{formatMatchers(s.matchers)}</span>,
      className: 'whitespace-normal min-w-48',
    },
    { key: 'state', header: 'State', cell: (s) => <SilenceState s={s} now={now} /> },
    {
      key: 'comment',
      header: 'Comment',
      cell: (s) => <span className="text-sm">{s.comment}</span>,
      className: 'whitespace-normal min-w-48',
    },
    { key: 'by', header: 'By', cell: (s) => <ActorName actor={s.createdBy} /> },
    { key: 'ends', header: 'Ends', cell: (s) => <RelativeTime at={s.endsAt} className="text-xs" /> },
    {
      key: 'actions',
      header: '',
      cell: (s) => (canOperate && !s.expiredBy && s.endsAt > (now ?? Date.now()) ? <ExpireButton s={s} /> : null),
      className: 'text-right',
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={silences}
      rowKey={(s) => s.id}
      label="Silences"
      testId="silences-table"
      minWidth="min-w-[760px]"
    />
  );
}
