'use client';

import type { ProgressRow } from '@/components/api-types';
import { EmptyState } from '@/components/ui/empty-state';
import { ClockTime } from '@/components/ui/clock-time';

/** The agent's progress messages, oldest first, updated live. */
export function ProgressLog({ entries }: { entries: ProgressRow[] }) {
  if (!entries.length)
    return (
      <EmptyState title="No progress reported yet">
        Messages the agent sends with work.progress appear here as they arrive.
      </EmptyState>
    );
  return (
    <ol className="max-h-96 space-y-1 overflow-y-auto font-mono text-xs" data-testid="progress-log">
      {entries.map((e) => (
        <li
          key={e.id}
          className="grid grid-cols-[auto_auto_1fr] items-baseline gap-x-3 rounded px-2 py-1 odd:bg-slate-50 dark:odd:bg-slate-800/40"
        >
          <span className="tabular-nums text-slate-400">
            <ClockTime at={e.at} />
          </span>
          <span className="w-16 tabular-nums text-slate-500">
            #{e.attempt}
            {e.percent != null && ` · ${Math.round(e.percent)}%`}
          </span>
          <span className="break-words text-slate-800 dark:text-slate-200">
            {e.message || <em className="text-slate-400">(no message)</em>}
          </span>
        </li>
      ))}
    </ol>
  );
}
