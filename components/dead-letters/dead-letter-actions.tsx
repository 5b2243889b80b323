'use client';

import { DiscardTaskButton } from '@/components/tasks/discard-task-button';
import { RetryTaskButton } from '@/components/tasks/retry-task-button';

/** Retry or discard one dead letter, right in its row. */
export function DeadLetterActions({ taskId, title }: { taskId: string; title: string }) {
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="dead-letter-actions">
      <RetryTaskButton taskId={taskId} title={title} />
      <DiscardTaskButton taskId={taskId} title={title} />
    </div>
  );
}
