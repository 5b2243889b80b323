'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { NewPoolForm } from '@/components/pools/new-pool-form';
import { NoPools } from '@/components/pools/no-pools';
import { matchesPoolSearch } from '@/components/pools/pool-search';
import { PoolsTable } from '@/components/pools/pools-table';
import { useTRPC } from '@/components/trpc/client';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { Spinner } from '@/components/ui/spinner';
import { TableSkeleton } from '@/components/ui/table-skeleton';

export function PoolsView({ canAdmin }: { canAdmin: boolean }) {
  const trpc = useTRPC();
  const pools = useQuery(trpc.pools.list.queryOptions());
  const providers = useQuery(trpc.pools.providers.queryOptions());
  const [showForm, setShowForm] = useState(false);
  const [search, setSearch] = useState('');
  const all = pools.data ?? [];
  const shown = all.filter((p) => matchesPoolSearch(p, search));
  const agents = all.reduce((n, p) => n + p.size, 0);

  return (
    <>
      <PageHeader
        title="Pools"
        description={
          pools.data
            ? `${all.length} pool${all.length === 1 ? '' : 's'} · ${agents} managed agent${agents === 1 ? '' : 's'} · sized to their backlog by the autoscaler`
            : 'Agents the control plane starts and stops to match the backlog'
        }
        actions={
          canAdmin && (
            <Button
              variant={showForm ? 'secondary' : 'primary'}
              onClick={() => setShowForm((v) => !v)}
              aria-expanded={showForm}
            >
              {showForm ? 'Hide form' : 'New pool'}
            </Button>
          )
        }
      />
      {showForm && (
        <Card
          title="New pool"
          className="mb-4"
          testId="new-pool-card"
          description="Every field starts at the server's default; the autoscaler takes the pool in hand as soon as it is saved."
        >
          {providers.error ? (
            <ErrorState
              error={providers.error}
              title="Could not load the providers"
              onRetry={() => void providers.refetch()}
            />
          ) : !providers.data ? (
            <Spinner />
          ) : (
            <>
              {!providers.data.length && (
                <p
                  role="status"
                  className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-200"
                >
                  This server has no agent provider configured, so it cannot start agents yet.
                </p>
              )}
              <NewPoolForm providers={providers.data} onDone={() => setShowForm(false)} />
            </>
          )}
        </Card>
      )}
      {pools.error ? (
        <ErrorState error={pools.error} onRetry={() => void pools.refetch()} />
      ) : !pools.data ? (
        <TableSkeleton rows={4} />
      ) : !all.length ? (
        <NoPools canCreate={canAdmin} />
      ) : (
        <>
          <input
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="Filter by name, capability or provider…"
            aria-label="Filter pools"
            data-shortcut="search"
            className="mb-3 w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm sm:max-w-xs dark:border-slate-700 dark:bg-slate-900"
          />
          {shown.length ? (
            <Card bodyClassName="">
              <PoolsTable pools={shown} />
            </Card>
          ) : (
            <EmptyState title="No pools match">
              None of the {all.length} pools has “{search.trim()}” in its name, capabilities or provider.
            </EmptyState>
          )}
        </>
      )}
    </>
  );
}
