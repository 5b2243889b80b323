'use client';

import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useAgentNames } from '@/components/agents/use-agent-names';
import { BulkActionBar } from '@/components/tasks/bulk-action-bar';
import type { PendingReason } from '@/components/tasks/pending-reason';
import { SelectCheckbox } from '@/components/tasks/select-checkbox';
import { SubmitTaskForm } from '@/components/tasks/submit-task-form';
import { taskListInput } from '@/components/tasks/task-filter-params';
import { TaskFiltersBar } from '@/components/tasks/task-filters-bar';
import { TasksTable } from '@/components/tasks/tasks-table';
import { useTaskFilters } from '@/components/tasks/use-task-filters';
import { useTaskSelection } from '@/components/tasks/use-task-selection';
import { useTRPC } from '@/components/trpc/client';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { Spinner } from '@/components/ui/spinner';
import { TableSkeleton } from '@/components/ui/table-skeleton';

export function TasksView() {
  const trpc = useTRPC();
  const [filters, setFilters] = useTaskFilters();
  const [showForm, setShowForm] = useState(false);
  const tasks = useInfiniteQuery({
    ...trpc.tasks.list.infiniteQueryOptions(taskListInput(filters), { getNextPageParam: (last) => last.nextCursor }),
    placeholderData: keepPreviousData,
  });
  const items = useMemo(() => tasks.data?.pages.flatMap((p) => p.items) ?? [], [tasks.data]);
  const agentNames = useAgentNames(items.map((t) => t.agentId));
  const selection = useTaskSelection(items);
  const selected = useMemo(() => items.filter((t) => selection.ids.includes(t.id)), [items, selection.ids]);
  const pending = useMemo<Record<string, PendingReason>>(
    () => Object.assign({}, ...(tasks.data?.pages.map((p) => p.pending) ?? [])),
    [tasks.data],
  );
  const filtered =
    filters.status.length > 0 ||
    filters.priority.length > 0 ||
    filters.search !== '' ||
    filters.since !== null ||
    filters.until !== null;

  return (
    <>
      <PageHeader
        title="Tasks"
        description="Everything submitted to the fleet, newest first."
        actions={
          <Button
            variant={showForm ? 'secondary' : 'primary'}
            onClick={() => setShowForm((v) => !v)}
            aria-expanded={showForm}
          >
            {showForm ? 'Hide form' : 'Submit task'}
          </Button>
        }
      />
      {showForm && (
        <Card title="Submit a task" className="mb-4">
          <SubmitTaskForm onDone={() => setShowForm(false)} />
        </Card>
      )}
      <Card bodyClassName="">
        <div className="border-b border-slate-100 p-4 dark:border-slate-800">
          <TaskFiltersBar filters={filters} onChange={setFilters} />
        </div>
        {tasks.error ? (
          <div className="p-4">
            <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} />
          </div>
        ) : !tasks.data ? (
          <TableSkeleton rows={8} />
        ) : !items.length ? (
          <div className="p-4">
            {filtered ? (
              <EmptyState title="No tasks match these filters">
                Try another status or priority, clear the search, or remove the time window.
              </EmptyState>
            ) : (
              <EmptyState title="No tasks yet">
                Submit one with the button above, or from a program with{' '}
                <code className="font-mono text-xs">tasks.submit</code>. Tasks appear here live.
              </EmptyState>
            )}
          </div>
        ) : (
          <div className={tasks.isPlaceholderData ? 'opacity-60 transition-opacity' : ''}>
            <label className="flex items-center gap-3 border-b border-slate-100 px-4 py-2 text-sm text-slate-600 md:hidden dark:border-slate-800 dark:text-slate-300">
              <SelectCheckbox
                checked={selection.all}
                indeterminate={selection.some}
                onChange={selection.toggleAll}
                label="Select every task on this page"
                testId="select-all-cards"
              />
              Select all {items.length} shown
            </label>
            <TasksTable tasks={items} agentNames={agentNames} pending={pending} selection={selection} />
          </div>
        )}
        <BulkActionBar selected={selected} onClear={selection.clear} />
        {(tasks.hasNextPage || tasks.isFetchingNextPage) && (
          <div className="flex justify-center border-t border-slate-100 p-3 dark:border-slate-800">
            {tasks.isFetchingNextPage ? (
              <Spinner label="Loading more…" />
            ) : (
              <Button onClick={() => void tasks.fetchNextPage()}>Load more</Button>
            )}
          </div>
        )}
      </Card>
    </>
  );
}
