import { ActorName } from '@/components/ui/actor-name';
import { RelativeTime } from '@/components/ui/relative-time';
import { describeActor, type ActorRef } from '@/server/core/access/actor';

export interface TimelineStep {
  id: number | string;
  at: number;
  kind: string;
  actor: ActorRef;
  reason: string;
  note?: string | null;
}

const DOT: Record<string, string> = {
  pending: 'bg-slate-400',
  firing: 'bg-red-500',
  acknowledged: 'bg-indigo-500',
  assigned: 'bg-indigo-300',
  silenced: 'bg-violet-500',
  unsilenced: 'bg-violet-300',
  inhibited: 'bg-slate-400',
  uninhibited: 'bg-slate-300',
  remedy: 'bg-amber-500',
  resolved: 'bg-emerald-500',
};

/** The reason without the "acknowledged by alice" the line's head already says: "until 14:00: deploying". */
export function reasonAfterActor(s: Pick<TimelineStep, 'kind' | 'actor' | 'reason'>): string {
  const head = `${s.kind} by ${describeActor(s.actor)}`;
  if (!s.reason.toLowerCase().startsWith(head.toLowerCase())) return s.reason;
  return s.reason.slice(head.length).replace(/^[\s:,;]+/, '');
}

/** Each step of the alert, oldest first: when, who (the evaluator or an operator), what, and their note. */
export function AlertTimeline({ steps }: { steps: TimelineStep[] }) {
  return (
    <ol
      data-testid="alert-timeline"
      className="relative space-y-3 border-l border-slate-200 pl-5 dark:border-slate-700"
    >
      {steps.map((s) => (
        <li key={s.id} data-step={s.kind} className="relative text-sm">
          <span
            aria-hidden
            className={`absolute -left-[25px] top-1.5 h-2.5 w-2.5 rounded-full ring-4 ring-white dark:ring-slate-900 ${DOT[s.kind] ?? 'bg-slate-400'}`}
          />
          <p className="flex flex-wrap items-baseline gap-x-2">
            <span className="font-medium capitalize text-slate-900 dark:text-slate-100">{s.kind}</span>
            <span className="text-slate-500 dark:text-slate-400">
              by <ActorName actor={s.actor} className="font-medium text-slate-700 dark:text-slate-200" />
            </span>
            <RelativeTime at={s.at} className="text-xs text-slate-400" />
          </p>
          {reasonAfterActor(s) && <p className="text-slate-600 dark:text-slate-300">{reasonAfterActor(s)}</p>}
          {s.note && (
            <p className="mt-1 rounded-md bg-slate-50 px-2 py-1 text-slate-700 italic dark:bg-slate-800/60 dark:text-slate-200">
              “{s.note}”
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
