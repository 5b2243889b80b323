'use client';

import Link from 'next/link';
import type { AttemptRow } from '@/components/api-types';
import { EmptyState } from '@/components/ui/empty-state';
import { ClockTime } from '@/components/ui/clock-time';
import { formatDuration } from '@/components/ui/format';
import { AttemptStatusBadge } from './attempt-status-badge';

/** One row per attempt: which agent, and when it was assigned, started and finished. */
export function AttemptsTimeline({ attempts }: { attempts: AttemptRow[] }) {
  if (!attempts.length)
    return (
      <EmptyState title="Not assigned yet">
        The task is waiting for an agent with the required capabilities and a free slot.
      </EmptyState>
    );
  return (
    <ol
      className="relative space-y-4 border-l border-slate-200 pl-5 dark:border-slate-700"
      data-testid="attempts-timeline"
    >
      {attempts.map((a) => {
        const steps: Array<{ label: string; at: number | null; from: number | null }> = [
          { label: 'queued', at: a.queuedAt, from: null },
          { label: 'assigned', at: a.assignedAt, from: a.queuedAt },
          { label: 'started', at: a.startedAt, from: a.assignedAt },
          { label: 'finished', at: a.finishedAt, from: a.startedAt ?? a.assignedAt },
        ];
        return (
          <li key={a.attempt} className="relative">
            <span className="absolute top-0.5 -left-[1.95rem] grid h-5 w-5 place-items-center rounded-full bg-white text-xs font-semibold text-slate-600 ring-1 ring-slate-300 dark:bg-slate-900 dark:text-slate-300 dark:ring-slate-600">
              {a.attempt}
            </span>
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span className="font-medium">Attempt {a.attempt}</span>
              <span className="text-slate-400">on</span>
              <Link
                href={`/agents/${a.agentId}`}
                className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
              >
                {a.agentName ?? a.agentId}
              </Link>
              <AttemptStatusBadge status={a.status} />
            </div>
            <ol className="mt-1.5 flex flex-wrap items-center gap-x-1.5 gap-y-1 text-xs text-slate-500 dark:text-slate-400">
              {steps.map((s, i) => (
                <li key={s.label} className="flex items-center gap-1.5">
                  {i > 0 && (
                    <span aria-hidden className="text-slate-300">
                      →
                    </span>
                  )}
                  <span className={s.at == null ? 'text-slate-300 dark:text-slate-600' : ''}>
                    {s.label}{' '}
                    {s.at != null && (
                      <span className="tabular-nums text-slate-700 dark:text-slate-300">
                        <ClockTime at={s.at} />
                      </span>
                    )}
                    {s.at != null && s.from != null && (
                      <span className="tabular-nums"> (+{formatDuration(s.at - s.from)})</span>
                    )}
                  </span>
                </li>
              ))}
            </ol>
            {a.error && (
              <p className="mt-1.5 rounded bg-red-50 px-2 py-1 font-mono text-xs text-red-700 dark:bg-red-950 dark:text-red-300">
                {a.error}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
