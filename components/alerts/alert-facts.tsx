import { ActorName } from '@/components/ui/actor-name';
import { DescriptionList } from '@/components/ui/description-list';
import { formatNumber } from '@/components/ui/format';
import { RelativeTime } from '@/components/ui/relative-time';
import type { AlertDetail } from './types';

/** When it started, fired, was acknowledged (by whom) and resolved; its value, assignee and group. */
export function AlertFacts({ alert: a }: { alert: AlertDetail }) {
  return (
    <DescriptionList
      columns="grid-cols-1 sm:grid-cols-2 lg:grid-cols-1"
      items={[
        { label: 'Value', value: a.value == null ? '—' : <span className="tabular-nums">{formatNumber(a.value, 2)}</span> },
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
        { label: 'Group', value: <span className="break-all font-mono text-xs">{a.groupKey}</span> },
      ]}
    />
  );
}
