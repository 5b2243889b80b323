'use client';

import { useMutation } from '@tanstack/react-query';
import { PRIORITIES, type Priority } from '@/server/core/model';
import { useTRPC } from '@/components/trpc/client';
import { useToast } from '@/components/ui/toast';
import { useTaskChanged } from './use-task-action';

interface ChangePrioritySelectProps {
  task: { id: string; title: string; priority: Priority };
}

/** Reprioritises a task not yet finished; the toast offers to put the old priority back. */
export function ChangePrioritySelect({ task }: ChangePrioritySelectProps) {
  const trpc = useTRPC();
  const changed = useTaskChanged();
  const toast = useToast();
  const set = useMutation(
    trpc.tasks.setPriority.mutationOptions({
      onSuccess: () => changed(task.id),
      onError: (err) =>
        toast({ title: `Could not change the priority of "${task.title}"`, description: err.message, kind: 'error' }),
    }),
  );
  const change = (priority: Priority, undo: Priority | null) =>
    set.mutate(
      { id: task.id, priority },
      {
        onSuccess: () =>
          toast(
            undo
              ? {
                  title: `Priority of "${task.title}" set to ${priority}`,
                  description: 'The queue orders it by its new priority at once.',
                  action: { label: 'Undo', run: () => change(undo, null) },
                }
              : { title: `Priority of "${task.title}" back to ${priority}`, kind: 'info' },
          ),
      },
    );
  return (
    <label className="inline-flex items-center gap-1.5 text-sm text-slate-600 dark:text-slate-300">
      <span>priority</span>
      <select
        aria-label="Change priority"
        value={task.priority}
        disabled={set.isPending}
        data-testid="task-priority-select"
        onChange={(e) => change(e.target.value as Priority, task.priority)}
        className="rounded-md border border-slate-300 bg-white px-2 py-0.5 text-sm dark:border-slate-700 dark:bg-slate-950"
      >
        {PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
    </label>
  );
}
