import { PendingMessage } from './pending-message';
import type { PendingReason } from './pending-reason';

/** What usually resolves each kind of wait. */
const NEXT: Record<PendingReason['code'], string> = {
  blocked: 'It is queued once the tasks it depends on have succeeded.',
  'concurrency-key-full': 'It starts when a running task with the same concurrency key finishes.',
  'no-capable-agent': 'Connect an agent with the required capabilities, or resubmit the task without them.',
  'all-busy': 'It starts as soon as one of the matching agents frees a slot.',
  'agents-unavailable': 'The matching agents are connected but not taking work; it starts when one of them is back.',
  'waiting-for-context': 'The routing strategy is holding it for the agent that already has its context.',
  'behind-higher-priority': 'Free slots go to the tasks ahead of it first.',
  dispatching: 'The scheduler assigns it within moments.',
  'pool-held':
    'A pool that could run it is holding back: it starts when the hold ends, or change the pool (its page shows the hold and its scale decisions).',
  'hook-held': 'A pre-assignment hook held it back: it is offered again when the hold ends (see Hooks for the hook).',
};

/** The prominent "why it hasn't started" box on a waiting task's page. */
export function PendingCallout({ reason }: { reason: PendingReason }) {
  const soon = reason.code === 'dispatching';
  return (
    <div
      role="status"
      data-testid="pending-callout"
      data-code={reason.code}
      className={`mb-4 rounded-lg border px-4 py-3 ${soon ? 'border-sky-200 bg-sky-50 dark:border-sky-900 dark:bg-sky-950/50' : 'border-amber-200 bg-amber-50 dark:border-amber-900 dark:bg-amber-950/50'}`}
    >
      <p
        className={`text-xs font-semibold uppercase tracking-wide ${soon ? 'text-sky-800 dark:text-sky-300' : 'text-amber-800 dark:text-amber-300'}`}
      >
        Why it hasn&apos;t started
      </p>
      <p
        className="mt-1 break-words text-base font-medium text-slate-900 dark:text-slate-50"
        data-testid="pending-message"
      >
        <PendingMessage message={reason.message} />
      </p>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{NEXT[reason.code] ?? ''}</p>
    </div>
  );
}
