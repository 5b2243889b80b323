import type { AttemptState } from '@/server/core/model';
import { Badge, type BadgeTone } from '@/components/ui/badge';

const TONE: Record<AttemptState, BadgeTone> = {
  assigned: 'sky',
  running: 'blue',
  succeeded: 'green',
  failed: 'red',
  lost: 'orange',
  released: 'gray',
  'timed-out': 'amber',
  cancelled: 'gray',
};

export function AttemptStatusBadge({ status }: { status: AttemptState }) {
  return (
    <Badge tone={TONE[status]} dot pulse={status === 'running'}>
      {status}
    </Badge>
  );
}
