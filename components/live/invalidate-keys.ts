import type { QueryClient, QueryFilters } from '@tanstack/react-query';
import { isDeadLetterListKey } from '@/components/dead-letters/dead-letter-filters';
import type { useTRPC } from '@/components/trpc/client';

type Trpc = ReturnType<typeof useTRPC>;

/**
 * Marks the queries behind each stale key invalid; active ones refetch. A query that is
 * already fetching (a "load more", say) is not cancelled: its key is returned so the caller
 * invalidates it again once that fetch has had time to land.
 */
export function invalidateKeys(queryClient: QueryClient, trpc: Trpc, keys: Set<string>): string[] {
  if (keys.has('all')) {
    // Rare (first connect, resync): restarting fetches in flight is the simple, safe choice.
    void queryClient.invalidateQueries();
    return [];
  }
  const retry: string[] = [];
  for (const key of keys) {
    const filters = filtersFor(trpc, key);
    const busy = filters.some((f) => queryClient.isFetching(f) > 0);
    for (const f of filters) void queryClient.invalidateQueries(f, { cancelRefetch: false });
    if (busy) retry.push(key);
  }
  return retry;
}

function filtersFor(trpc: Trpc, key: string): QueryFilters[] {
  const i = key.indexOf(':');
  const [kind, id] = i < 0 ? [key, ''] : [key.slice(0, i), key.slice(i + 1)];
  switch (kind) {
    case 'agents':
      return [trpc.agents.list.pathFilter()];
    // The dead-letter queue (and the nav badge reading it) changes only on its own events ('dead-letters'),
    // so the stream of progress and assignments on a busy fleet does not refetch it.
    case 'tasks':
      return [{ ...trpc.tasks.list.pathFilter(), predicate: (q) => !isDeadLetterListKey(q.queryKey) }];
    case 'dead-letters':
      return [{ ...trpc.tasks.list.pathFilter(), predicate: (q) => isDeadLetterListKey(q.queryKey) }];
    case 'breakers':
      return [trpc.agents.breaker.pathFilter()];
    case 'overview':
      return [trpc.overview.get.pathFilter()];
    case 'decisions':
      return [trpc.overview.decisions.pathFilter(), trpc.balancing.decisions.pathFilter()];
    case 'replicas':
      return [trpc.system.replicas.pathFilter()];
    case 'distribution':
      return [trpc.balancing.distribution.pathFilter()];
    case 'routing':
      return [trpc.balancing.policy.pathFilter()];
    // Few pools, each page small: the whole router (list, detail, decisions, samples) refetches.
    case 'pools':
      return [trpc.pools.pathFilter()];
    // Only views that show a waiting task: a finished task's page has no reason to refetch.
    case 'pending':
      return [
        { ...trpc.tasks.list.pathFilter(), predicate: (q) => listHasPending(q.state.data) },
        {
          ...trpc.tasks.detail.pathFilter(),
          predicate: (q) => (q.state.data as { pending?: unknown } | undefined)?.pending != null,
        },
        trpc.tasks.whyPending.pathFilter(),
      ];
    // The breaker card's window counts move with every outcome on the agent; an open logs panel follows it too.
    case 'agent':
      return [
        trpc.agents.get.queryFilter({ id }),
        trpc.agents.breaker.queryFilter({ id }),
        trpc.agents.logs.queryFilter({ id }),
      ];
    case 'task':
      return id === '*'
        ? [trpc.tasks.detail.pathFilter(), trpc.tasks.get.pathFilter()]
        : [trpc.tasks.detail.queryFilter({ id }), trpc.tasks.get.queryFilter({ id })];
    // Few open alerts: the whole router (list, counts for the nav badge, an open alert's timeline) refetches.
    case 'alerts':
      return [trpc.alerts.pathFilter()];
    case 'ns':
      return [routerFilter(id, `${id}s`)];
    default:
      return [];
  }
}

/** tRPC keys start with the procedure path ([['alerts', 'list'], …]): every query of these routers. */
function routerFilter(...names: string[]): QueryFilters {
  return {
    predicate: (q) => {
      const r = Array.isArray(q.queryKey[0]) ? q.queryKey[0][0] : null;
      return typeof r === 'string' && names.includes(r);
    },
  };
}

/** A task list (one page, or the pages of an infinite query) that holds a waiting task. */
function listHasPending(data: unknown): boolean {
  const pages = (data as { pages?: unknown[] } | undefined)?.pages ?? (data ? [data] : []);
  return pages.some((p) => Object.keys((p as { pending?: object } | null)?.pending ?? {}).length > 0);
}
