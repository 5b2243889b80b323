import { Badge } from '@/components/ui/badge';

/** Whether the autoscaler manages the pool. */
export function PoolEnabledBadge({ enabled }: { enabled: boolean }) {
  return enabled ? (
    <Badge tone="green" dot testId="pool-enabled">
      enabled
    </Badge>
  ) : (
    <Badge tone="gray" dot testId="pool-enabled" title="The autoscaler leaves this pool alone">
      disabled
    </Badge>
  );
}
