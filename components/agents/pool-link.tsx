'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/components/trpc/client';

/** "pool python-workers", linking to the pool that manages the agent (its name from the pools list). */
export function PoolLink({ poolId, fallbackName }: { poolId: string; fallbackName?: string }) {
  const trpc = useTRPC();
  const pools = useQuery(trpc.pools.list.queryOptions());
  const name = pools.data?.find((p) => p.id === poolId)?.name ?? fallbackName ?? poolId;
  return (
    <span>
      pool{' '}
      <Link
        href={`/pools/${poolId}`}
        className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
        data-testid="agent-pool-link"
      >
        {name}
      </Link>
    </span>
  );
}
