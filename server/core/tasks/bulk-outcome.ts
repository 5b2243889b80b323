import type { Priority, TaskState } from '../model';

export type BulkAction = 'cancel' | 'retry' | 'set-priority';

/** Why a task was left as it was. */
export type SkipReason = 'not-found' | 'finished' | 'not-retryable' | 'same-priority';

export interface BulkTaskResult {
  id: string;
  applied: boolean;
  /** Its status after the action; null when no such task exists. */
  status: TaskState | null;
  skipped: SkipReason | null;
  /** `set-priority`, when applied: the priority it had, so the change can be undone. */
  previousPriority?: Priority;
}

/** Every id of a bulk action with what became of it: never a half-applied batch without saying which. */
export interface BulkTaskOutcome {
  action: BulkAction;
  /** One per distinct id, in the order given. */
  results: BulkTaskResult[];
  applied: number;
  skipped: number;
  /** What happened, in one line: "Cancelled 12 tasks; 3 were already finished". */
  summary: string;
}

const tasks = (n: number) => `${n} task${n === 1 ? '' : 's'}`;

function skipPhrase(reason: SkipReason, priority: Priority | undefined): string {
  switch (reason) {
    case 'not-found':
      return 'not found';
    case 'finished':
      return 'already finished';
    case 'not-retryable':
      return 'not failed, cancelled or dead-lettered';
    case 'same-priority':
      return `already ${priority}`;
  }
}

const ORDER: SkipReason[] = ['finished', 'same-priority', 'not-retryable', 'not-found'];

export function bulkOutcome(action: BulkAction, results: BulkTaskResult[], priority?: Priority): BulkTaskOutcome {
  const applied = results.filter((r) => r.applied).length;
  const head =
    action === 'cancel'
      ? `Cancelled ${tasks(applied)}`
      : action === 'retry'
        ? `Retried ${tasks(applied)}`
        : `Set ${tasks(applied)} to priority ${priority}`;
  const tail = ORDER.flatMap((reason) => {
    const n = results.filter((r) => r.skipped === reason).length;
    return n ? [`${n} ${n === 1 ? 'was' : 'were'} ${skipPhrase(reason, priority)}`] : [];
  });
  return { action, results, applied, skipped: results.length - applied, summary: [head, ...tail].join('; ') };
}
