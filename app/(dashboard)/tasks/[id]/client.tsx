'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useAgentNames } from '@/components/agents/use-agent-names';
import { AttemptsTimeline } from '@/components/tasks/attempts-timeline';
import { DecisionCard } from '@/components/tasks/decision-card';
import { PendingCallout } from '@/components/tasks/pending-callout';
import { ProgressLog } from '@/components/tasks/progress-log';
import { RetryCallout } from '@/components/tasks/retry-callout';
import { TaskFacts } from '@/components/tasks/task-facts';
import { TaskHeader } from '@/components/tasks/task-header';
import { useTRPC } from '@/components/trpc/client';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { JsonView } from '@/components/ui/json-view';
import { TableSkeleton } from '@/components/ui/table-skeleton';

export function TaskView({ id }: { id: string }) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.tasks.detail.queryOptions({ id }));
  const d = detail.data;
  const names = useAgentNames([d?.task.agentId]);
  const agentName = d?.task.agentId ? (names.get(d.task.agentId) ?? d.attempts.at(-1)?.agentName ?? null) : null;

  return (
    <>
      <Link
        href="/tasks"
        className="mb-3 inline-block text-sm text-slate-500 hover:text-slate-800 dark:hover:text-slate-200"
      >
        ← Tasks
      </Link>
      {detail.error ? (
        <ErrorState error={detail.error} title="Could not load this task" onRetry={() => void detail.refetch()} />
      ) : !d ? (
        <TableSkeleton rows={6} />
      ) : (
        <>
          <TaskHeader task={d.task} agentName={agentName} />
          {d.pending && (d.task.status === 'queued' || d.task.status === 'blocked') && (
            <PendingCallout reason={d.pending} />
          )}
          <RetryCallout task={d.task} />
          {d.task.error && (
            <div
              role="alert"
              className="mb-4 rounded-lg border border-red-200 bg-red-50 px-4 py-3 dark:border-red-900 dark:bg-red-950/60"
            >
              <p className="text-sm font-medium text-red-800 dark:text-red-200">
                {d.task.status === 'failed' ? 'Error' : 'Last error'}
              </p>
              <pre className="mt-1 overflow-x-auto whitespace-pre-wrap break-words font-mono text-xs text-red-700 dark:text-red-300">
                {d.task.error}
              </pre>
            </div>
          )}
          <div className="grid gap-4 lg:grid-cols-3">
            <div className="min-w-0 space-y-4 lg:col-span-2">
              <Card title="Attempts" description="Each delivery of the task to an agent">
                <AttemptsTimeline attempts={d.attempts} />
              </Card>
              <section className="min-w-0 space-y-3" aria-label="Assignment decisions">
                <h2 className="text-sm font-semibold">Assignment decisions</h2>
                {d.decisions.length ? (
                  d.decisions.map((x) => <DecisionCard key={x.id} decision={x} />)
                ) : (
                  <EmptyState title="No decision yet">
                    When the scheduler routes this task it records every candidate, its score and every excluded agent
                    here.
                  </EmptyState>
                )}
              </section>
              <Card title="Progress log" description="Live messages from the agent">
                <ProgressLog entries={d.progress} />
              </Card>
            </div>
            <div className="min-w-0 space-y-4">
              <Card title="Details">
                <TaskFacts task={d.task} />
              </Card>
              <Card title="Payload">
                <JsonView value={d.task.payload} label="Payload" empty="No payload" />
              </Card>
              <Card title="Result">
                <JsonView
                  value={d.task.result}
                  label="Result"
                  empty={d.task.status === 'succeeded' ? 'Finished without a result' : 'No result yet'}
                />
              </Card>
            </div>
          </div>
        </>
      )}
    </>
  );
}
