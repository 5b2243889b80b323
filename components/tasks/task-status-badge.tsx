import type { TaskState } from '@/server/core/model';
import { Badge, type BadgeTone } from '@/components/ui/badge';

export const TASK_STATUS_TONE: Record<TaskState, BadgeTone> = {
  blocked: 'amber',
  queued: 'slate',
  'retry-wait': 'orange',
  assigned: 'sky',
  running: 'blue',
  succeeded: 'green',
  failed: 'red',
  'dead-lettered': 'red',
  cancelled: 'gray',
};

interface TaskStatusBadgeProps {
  status: TaskState;
  testId?: string;
}

export function TaskStatusBadge({ status, testId = 'task-status' }: TaskStatusBadgeProps) {
  return (
    <Badge
      tone={TASK_STATUS_TONE[status]}
      dot
      pulse={status === 'running' || status === 'assigned' || status === 'retry-wait'}
      testId={testId}
    >
      {status}
    </Badge>
  );
}
