import Link from 'next/link';
import { ActorName } from '@/components/ui/actor-name';
import { DescriptionList } from '@/components/ui/description-list';
import { formatNumber } from '@/components/ui/format';
import { RelativeTime } from '@/components/ui/relative-time';
import type { AlertDetail } from './types';

/** When it started, fired, was acknowledged (by whom) and resolved; its value, assignee and group. */
export function AlertFacts({ alert: a, unit }: { alert: AlertDetail; unit?: string }) {
  return (
    <DescriptionList
      columns="grid-cols-1 sm:grid-cols-2 lg:grid-cols-1"
      items={[
        {
          label: 'Value',
          value:
            a.value == null ? (
              '—'
            ) : (
              <span className="tabular-nums" data-testid="alert-value">
                {formatNumber(a.value, 2)}
                {unit ? ` ${unit}` : ''}
              </span>
            ),
        },
        { label: 'Pending since', value: <RelativeTime at={a.startsAt} /> },
        { label: 'Firing since', value: <RelativeTime at={a.firingAt} /> },
        {
          label: 'Acknowledged',
          value: a.acknowledgedBy ? (
            <span>
              <ActorName actor={a.acknowledgedBy} /> · <RelativeTime at={a.acknowledgedAt} />
            </span>
          ) : (
            '—'
          ),
        },
        { label: 'Assignee', value: <span data-testid="alert-assignee">{a.assignee ?? '—'}</span> },
        { label: 'Resolved', value: <RelativeTime at={a.resolvedAt} /> },
        ...(a.silencedBy
          ? [
              {
                label: 'Silenced by',
                value: (
                  <Link
                    href="/alerts/silences"
                    className="font-mono text-xs text-indigo-600 hover:underline dark:text-indigo-400"
                  >
                    {a.silencedBy}
                  </Link>
                ),
              },
            ]
          : []),
        ...(a.inhibitedBy
          ? [
              {
                label: 'Inhibited by',
                value: (
                  <Link
                    href={`/alerts/${a.inhibitedBy}`}
                    className="font-mono text-xs text-indigo-600 hover:underline dark:text-indigo-400"
                  >
                    {a.inhibitedBy}
                  </Link>
                ),
              },
            ]
          : []),
        { label: 'Group', value: <span className="break-all font-mono text-xs">{a.groupKey}</span> },
      ]}
    />
  );
}
