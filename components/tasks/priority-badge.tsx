import type { Priority } from '@/server/core/model';
import { Badge, type BadgeTone } from '@/components/ui/badge';

export const PRIORITY_TONE: Record<Priority, BadgeTone> = {
  critical: 'red',
  high: 'orange',
  normal: 'slate',
  low: 'sky',
  background: 'gray',
};

export function PriorityBadge({ priority }: { priority: Priority }) {
  return <Badge tone={PRIORITY_TONE[priority]}>{priority}</Badge>;
}
