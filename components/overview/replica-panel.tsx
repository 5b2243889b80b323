'use client';

import type { ClusterData, ReplicaRow } from '@/components/api-types';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { DataTable, type Column } from '@/components/ui/data-table';
import { RelativeTime } from '@/components/ui/relative-time';

function RoleBadge({ r }: { r: ReplicaRow }) {
  return r.leader ? (
    <Badge
      tone="indigo"
      dot
      testId="leader-badge"
      title="Holds the leader lease: runs the loops that run once per cluster"
    >
      leader · epoch {r.epoch}
    </Badge>
  ) : (
    <Badge tone="gray">replica</Badge>
  );
}

function Name({ r, self }: { r: ReplicaRow; self: string }) {
  return (
    <span className="block truncate" title={r.id}>
      <span className="font-medium">{r.host}</span> <span className="text-xs text-slate-500">pid {r.pid}</span>
      {r.id === self && <span className="ml-1.5 text-xs text-slate-400">(answered this page)</span>}
    </span>
  );
}

const columns = (self: string): Column<ReplicaRow>[] => [
  { key: 'replica', header: 'Replica', className: 'max-w-72', cell: (r) => <Name r={r} self={self} /> },
  { key: 'role', header: 'Role', cell: (r) => <RoleBadge r={r} /> },
  { key: 'version', header: 'Version', cell: (r) => <span className="tabular-nums">{r.version}</span> },
  { key: 'started', header: 'Started', cell: (r) => <RelativeTime at={r.startedAt} className="text-slate-500" /> },
  {
    key: 'seen',
    header: 'Last seen',
    cell: (r) => <RelativeTime at={r.lastSeenAt} className="text-slate-500" />,
    className: 'text-right',
    headerClassName: 'text-right',
  },
];

/** The server processes on this database and which one leads (refreshed on `cluster:leader-changed`). */
export function ReplicaPanel({ cluster }: { cluster: ClusterData }) {
  const { leader, replicas, self } = cluster;
  const description = `${replicas.length} ${replicas.length === 1 ? 'replica' : 'replicas'} · ${
    leader
      ? `leader ${replicas.find((r) => r.id === leader.id)?.host ?? leader.id}, epoch ${leader.epoch}`
      : 'no leader now'
  }`;
  return (
    <Card title="Replicas" description={description} bodyClassName="" testId="replica-panel">
      <DataTable
        label="Server replicas"
        testId="replicas"
        columns={columns(self)}
        rows={replicas}
        rowKey={(r) => r.id}
        minWidth="min-w-[640px]"
        card={(r) => (
          <div className="flex items-center justify-between gap-3 text-sm">
            <div className="min-w-0">
              <Name r={r} self={self} />
              <p className="text-xs text-slate-500">
                {r.version} · seen <RelativeTime at={r.lastSeenAt} />
              </p>
            </div>
            <RoleBadge r={r} />
          </div>
        )}
      />
    </Card>
  );
}
