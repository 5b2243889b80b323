'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { PRIORITIES, TERMINAL_TASK_STATES, type Priority } from '@/server/core/model';
import { ButtonSpinner } from '@/components/balancing/button-spinner';
import type { TaskRow } from '@/components/api-types';
import { useTRPC } from '@/components/trpc/client';
import { Button } from '@/components/ui/button';
import { useConfirm } from '@/components/ui/confirm-dialog';
import { formatNumber } from '@/components/ui/format';
import { useToast } from '@/components/ui/toast';
import { useTasksChanged } from './use-task-action';

interface BulkActionBarProps {
  /** The selected tasks, as the list shows them. */
  selected: TaskRow[];
  onClear: () => void;
}

type Outcome = {
  summary: string;
  applied: number;
  results: { id: string; applied: boolean; previousPriority?: Priority }[];
};

const RETRYABLE: readonly TaskRow['status'][] = ['dead-lettered', 'failed', 'cancelled'];
/** What one bulk call takes (`MAX_BULK_TASKS` on the server). */
const MAX_AT_ONCE = 500;
const tasks = (n: number) => `${formatNumber(n)} task${n === 1 ? '' : 's'}`;
const were = (n: number) => `${formatNumber(n)} of them ${n === 1 ? 'is' : 'are'}`;

/**
 * Cancel, retry or reprioritise the selected tasks: each asks first naming the count, and the
 * toast says what happened to them ("Cancelled 12 tasks; 3 were already finished").
 */
export function BulkActionBar({ selected, onClear }: BulkActionBarProps) {
  const trpc = useTRPC();
  const changed = useTasksChanged();
  const confirm = useConfirm();
  const toast = useToast();
  const [priority, setPriority] = useState<Priority>('high');
  const n = selected.length;
  const ids = selected.map((t) => t.id);
  const finished = selected.filter((t) => TERMINAL_TASK_STATES.includes(t.status)).length;
  const retryable = selected.filter((t) => RETRYABLE.includes(t.status)).length;

  const done = (undo?: () => void) => (out: Outcome) => {
    changed();
    onClear();
    toast({
      title: out.summary,
      kind: out.applied ? 'success' : 'info',
      action: undo && out.applied ? { label: 'Undo', run: undo } : undefined,
    });
  };
  const failed = (what: string) => (err: { message: string }) =>
    toast({ title: `Could not ${what} the selected tasks`, description: err.message, kind: 'error' });
  const cancel = useMutation(trpc.tasks.cancelMany.mutationOptions({ onSuccess: done(), onError: failed('cancel') }));
  const retry = useMutation(trpc.tasks.retryMany.mutationOptions({ onSuccess: done(), onError: failed('retry') }));
  const reprioritise = useMutation(trpc.tasks.setPriorityMany.mutationOptions({ onError: failed('reprioritise') }));
  const tooMany = n > MAX_AT_ONCE;
  const busy = cancel.isPending || retry.isPending || reprioritise.isPending || tooMany;

  /** Puts each changed task back to the priority it had, one call per previous priority. */
  const undoPriorities = (out: Outcome) => async () => {
    const byPrevious = new Map<Priority, string[]>();
    for (const r of out.results)
      if (r.applied && r.previousPriority)
        byPrevious.set(r.previousPriority, [...(byPrevious.get(r.previousPriority) ?? []), r.id]);
    try {
      for (const [p, group] of byPrevious) await reprioritise.mutateAsync({ ids: group, priority: p });
      changed();
      toast({ title: `Put back the priority of ${tasks(out.applied)}`, kind: 'info' });
    } catch {
      // The mutation's onError has said why.
    }
  };

  const askCancel = async () => {
    const yes = await confirm({
      title: `Cancel ${tasks(n)}?`,
      body: `${finished ? `${were(finished)} already finished and stay as they are. ` : ''}Running ones are stopped: their agents' next reports are refused. Tasks that depend on them are cancelled too.`,
      confirmLabel: `Cancel ${tasks(n)}`,
      cancelLabel: 'Keep them',
      destructive: true,
    });
    if (yes) cancel.mutate({ ids });
  };
  const askRetry = async () => {
    const yes = await confirm({
      title: `Retry ${tasks(n)}?`,
      body:
        retryable === n
          ? 'They go back to the queue with a fresh set of attempts.'
          : `${were(retryable)} dead-lettered, failed or cancelled and ${retryable === 1 ? 'goes' : 'go'} back to the queue with a fresh set of attempts; the others stay as they are.`,
      confirmLabel: `Retry ${tasks(n)}`,
    });
    if (yes) retry.mutate({ ids });
  };
  const askPriority = async () => {
    const yes = await confirm({
      title: `Set ${tasks(n)} to priority ${priority}?`,
      body: `Tasks not yet finished take their new place in the queue at once${finished ? `; ${were(finished)} finished and stay as they are` : ''}.`,
      confirmLabel: `Set priority ${priority}`,
    });
    if (yes) reprioritise.mutate({ ids, priority }, { onSuccess: (out) => done(undoPriorities(out))(out) });
  };

  if (!n) return null;
  return (
    <div
      role="region"
      aria-label="Bulk actions"
      data-testid="bulk-bar"
      className="sticky bottom-0 z-10 flex flex-wrap items-center gap-2 rounded-b-xl border-t border-slate-200 bg-white/95 px-4 py-3 shadow-[0_-6px_12px_-10px_rgba(15,23,42,0.4)] backdrop-blur dark:border-slate-700 dark:bg-slate-900/95"
    >
      <span className="mr-auto text-sm font-medium text-slate-900 dark:text-slate-100">
        <span data-testid="bulk-count">{formatNumber(n)} selected</span>
        {tooMany && (
          <span className="ml-2 font-normal text-red-600 dark:text-red-400">
            at most {formatNumber(MAX_AT_ONCE)} at once
          </span>
        )}
      </span>
      <Button size="sm" variant="danger" onClick={() => void askCancel()} disabled={busy || finished === n}>
        {cancel.isPending ? (
          <>
            <ButtonSpinner />
            Cancelling…
          </>
        ) : (
          'Cancel selected'
        )}
      </Button>
      <Button size="sm" onClick={() => void askRetry()} disabled={busy || retryable === 0}>
        {retry.isPending ? (
          <>
            <ButtonSpinner />
            Retrying…
          </>
        ) : (
          'Retry selected'
        )}
      </Button>
      <span className="inline-flex items-center gap-1">
        <select
          aria-label="New priority for the selected tasks"
          value={priority}
          onChange={(e) => setPriority(e.target.value as Priority)}
          disabled={busy}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs dark:border-slate-700 dark:bg-slate-950"
        >
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
        <Button size="sm" onClick={() => void askPriority()} disabled={busy || finished === n}>
          {reprioritise.isPending ? (
            <>
              <ButtonSpinner />
              Setting…
            </>
          ) : (
            'Set priority'
          )}
        </Button>
      </span>
      <Button size="sm" variant="ghost" onClick={onClear} disabled={busy && !tooMany}>
        Clear
      </Button>
    </div>
  );
}
