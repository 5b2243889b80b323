'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { PoolChartCard } from '@/components/pools/pool-chart-card';
import { PoolEditForm } from '@/components/pools/pool-edit-form';
import { PoolHeader } from '@/components/pools/pool-header';
import { PoolHoldCallout } from '@/components/pools/pool-hold-callout';
import { PoolMembersTable } from '@/components/pools/pool-members-table';
import { PoolSettings } from '@/components/pools/pool-settings';
import { PoolStats } from '@/components/pools/pool-stats';
import { poolDecisionsInput, POOL_DECISIONS_LIMIT } from '@/components/pools/queries';
import { ScaleDecisionsTable } from '@/components/pools/scale-decisions-table';
import { useTRPC } from '@/components/trpc/client';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { Spinner } from '@/components/ui/spinner';
import { TableSkeleton } from '@/components/ui/table-skeleton';

export function PoolView({ id, canAdmin }: { id: string; canAdmin: boolean }) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.pools.get.queryOptions({ id }));
  const decisions = useQuery(trpc.pools.decisions.queryOptions(poolDecisionsInput(id)));
  const [editing, setEditing] = useState(false);
  const d = detail.data;

  return (
    <>
      <Link
        href="/pools"
        className="mb-3 inline-block text-sm text-slate-500 hover:text-slate-800 dark:hover:text-slate-200"
      >
        ← Pools
      </Link>
      {detail.error ? (
        <ErrorState error={detail.error} title="Could not load this pool" onRetry={() => void detail.refetch()} />
      ) : !d ? (
        <TableSkeleton rows={5} />
      ) : (
        <div className="space-y-4">
          <PoolHeader
            pool={d.pool}
            agents={d.agents.map((a) => a.name)}
            canAdmin={canAdmin}
            editing={editing}
            onEdit={() => setEditing((v) => !v)}
          />
          <PoolHoldCallout pool={d.pool} />
          {!d.providerAvailable && (
            <p
              role="alert"
              className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-200"
            >
              The <span className="font-mono text-xs">{d.pool.provider}</span> provider is not available on this server:
              the pool cannot start or restart agents until it is.
            </p>
          )}
          {editing && (
            <Card
              title="Edit pool"
              description="Bounds, target, cool-downs, idle timeout, sleep windows and the agents' environment; the autoscaler applies them on its next tick."
            >
              <PoolEditForm pool={d.pool} onDone={() => setEditing(false)} />
            </Card>
          )}
          <PoolStats pool={d.pool} />
          <PoolChartCard poolId={id} enabled={d.pool.enabled} />
          <Card
            title="Agents"
            description="The agents this pool runs, live"
            bodyClassName=""
            testId="pool-members-card"
          >
            <PoolMembersTable members={d.agents} />
          </Card>
          <Card
            title="Scale decisions"
            description={`What the autoscaler did and why, and the changes operators made, newest first (the last ${POOL_DECISIONS_LIMIT})`}
            bodyClassName=""
            testId="scale-decisions"
          >
            {decisions.error ? (
              <div className="p-4">
                <ErrorState
                  error={decisions.error}
                  title="Could not load the decisions"
                  onRetry={() => void decisions.refetch()}
                />
              </div>
            ) : !decisions.data ? (
              <div className="p-4">
                <Spinner />
              </div>
            ) : (
              <ScaleDecisionsTable decisions={decisions.data} />
            )}
          </Card>
          <Card title="Settings">
            <PoolSettings pool={d.pool} />
          </Card>
        </div>
      )}
    </>
  );
}
