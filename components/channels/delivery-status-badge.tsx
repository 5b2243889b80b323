import { Badge, type BadgeTone } from '@/components/ui/badge';

const TONE: Record<string, BadgeTone> = { delivered: 'green', pending: 'amber', failed: 'red' };

/** delivered, pending (retrying), failed (gave up). */
export function DeliveryStatusBadge({ status, attempts }: { status: string; attempts: number }) {
  return (
    <Badge
      tone={TONE[status] ?? 'slate'}
      dot
      pulse={status === 'pending'}
      testId="delivery-status"
      title={status === 'pending' && attempts > 0 ? `retrying after ${attempts} attempts` : undefined}
    >
      {status === 'pending' && attempts > 0 ? 'retrying' : status}
    </Badge>
  );
}
