'use client';

import type { TaskFields } from '@/components/api-types';
import { DescriptionList } from '@/components/ui/description-list';
import { formatDuration } from '@/components/ui/format';
import { RelativeTime } from '@/components/ui/relative-time';

/** The task's settings and lifecycle timestamps. */
export function TaskFacts({ task }: { task: TaskFields }) {
  const mono = (v: string | null) =>
    v ? <span className="font-mono text-xs">{v}</span> : <span className="text-slate-400">—</span>;
  return (
    <DescriptionList
      columns="grid-cols-2"
      items={[
        {
          label: 'Capabilities',
          value: task.capabilities.length ? (
            task.capabilities.join(', ')
          ) : (
            <span className="text-slate-400">any agent</span>
          ),
        },
        { label: 'Project', value: <span className="font-mono text-xs">{task.project}</span> },
        { label: 'Queued', value: <RelativeTime at={task.queuedAt} /> },
        { label: 'Assigned', value: <RelativeTime at={task.assignedAt} /> },
        { label: 'Started', value: <RelativeTime at={task.startedAt} /> },
        { label: 'Finished', value: <RelativeTime at={task.finishedAt} /> },
        ...(task.retryAt != null ? [{ label: 'Next retry', value: <RelativeTime at={task.retryAt} /> }] : []),
        {
          label: 'Run time',
          value:
            task.startedAt && task.finishedAt ? (
              formatDuration(task.finishedAt - task.startedAt)
            ) : (
              <span className="text-slate-400">—</span>
            ),
        },
        {
          label: 'Timeout',
          value: task.timeoutMs ? formatDuration(task.timeoutMs) : <span className="text-slate-400">none</span>,
        },
        { label: 'Context key', value: mono(task.contextKey) },
        { label: 'Idempotency key', value: mono(task.idempotencyKey) },
      ]}
    />
  );
}
