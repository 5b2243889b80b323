import { Skeleton } from '@/components/ui/skeleton';

/** The balancing page's layout in grey while its first data loads. */
export function BalancingSkeleton() {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Loading load balancing">
      <div className="grid gap-3 sm:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-24" />
        ))}
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Skeleton className="h-96" />
        <Skeleton className="h-96" />
      </div>
      <Skeleton className="h-72" />
    </div>
  );
}
