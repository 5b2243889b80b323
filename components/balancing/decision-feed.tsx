'use client';

import { EmptyState } from '@/components/ui/empty-state';
import { formatNumber } from '@/components/ui/format';
import { RelativeTime } from '@/components/ui/relative-time';
import type { BalancingDecision } from './types';

interface DecisionFeedProps {
  decisions: BalancingDecision[];
  selectedId: string | null;
  onSelect: (decision: BalancingDecision) => void;
}

/** The latest assignment decisions, newest first, updated live; pick one to see why it went where it did. */
export function DecisionFeed({ decisions, selectedId, onSelect }: DecisionFeedProps) {
  if (!decisions.length) {
    return (
      <div className="p-4">
        <EmptyState title="No decisions yet">
          Each time the scheduler routes a task, the decision appears here with every candidate it scored.
        </EmptyState>
      </div>
    );
  }
  return (
    <ul
      aria-label="Latest assignment decisions"
      data-testid="decision-feed"
      className="max-h-[30rem] divide-y divide-slate-100 overflow-y-auto dark:divide-slate-800"
    >
      {decisions.map((d) => {
        const selected = d.id === selectedId;
        return (
          <li key={d.id}>
            <button
              type="button"
              aria-pressed={selected}
              onClick={() => onSelect(d)}
              className={`flex w-full items-center justify-between gap-3 px-4 py-2.5 text-left text-sm transition-colors ${
                selected ? 'bg-indigo-50 dark:bg-indigo-950/50' : 'hover:bg-slate-50 dark:hover:bg-slate-800/40'
              }`}
            >
              <span className="min-w-0">
                <span className="flex min-w-0 items-baseline gap-2">
                  <span className="truncate font-medium text-slate-900 dark:text-slate-100">{d.winnerAgentName}</span>
                  <span className="shrink-0 font-mono text-[11px] text-slate-500">{d.strategy}</span>
                </span>
                <span className="block truncate font-mono text-xs text-slate-400">
                  {d.taskId}
                  {d.attempt > 1 && ` · attempt ${d.attempt}`}
                </span>
              </span>
              <span className="shrink-0 text-right text-xs text-slate-500 dark:text-slate-400">
                <span className="block tabular-nums">
                  {formatNumber(d.durationUs)} µs · {d.candidateCount}/{d.candidateCount + d.excludedCount}
                </span>
                <RelativeTime at={d.decidedAt} />
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
