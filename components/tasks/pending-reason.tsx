import type { TaskDetailData } from '@/components/api-types';
import { PendingMessage } from './pending-message';

export type PendingReason = NonNullable<TaskDetailData['pending']>;

interface PendingReasonTextProps {
  reason: PendingReason;
  className?: string;
}

/** Why a waiting task has not started, in one truncated line; the whole sentence is in the tooltip. */
export function PendingReasonText({ reason, className = '' }: PendingReasonTextProps) {
  const tone = reason.code === 'dispatching' ? 'text-sky-700 dark:text-sky-400' : 'text-amber-700 dark:text-amber-400';
  return (
    <span
      title={reason.message}
      data-testid="pending-reason"
      data-code={reason.code}
      className={`block truncate text-xs ${tone} ${className}`}
    >
      <PendingMessage message={reason.message} />
    </span>
  );
}
