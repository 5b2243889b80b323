'use client';

import Link from 'next/link';
import { ExcludedList } from '@/components/tasks/excluded-list';
import { ScoreTerms } from '@/components/tasks/score-terms';
import { ClockTime } from '@/components/ui/clock-time';
import { DescriptionList } from '@/components/ui/description-list';
import { formatNumber } from '@/components/ui/format';
import { ScoreTermsChart, termsSumToScore } from './score-terms-chart';
import type { BalancingDecision } from './types';

/** One decision taken apart: the winner, how long it took, each candidate's score by term, and who was left out. */
export function DecisionBreakdown({ decision: d }: { decision: BalancingDecision }) {
  const stacked = termsSumToScore(d.candidates);
  return (
    <div data-testid="decision-breakdown">
      <div className="p-4">
        <DescriptionList
          columns="grid-cols-2"
          items={[
            {
              label: 'Task',
              value: (
                <Link
                  href={`/tasks/${d.taskId}`}
                  className="font-mono text-xs text-indigo-600 hover:underline dark:text-indigo-400"
                >
                  {d.taskId}
                </Link>
              ),
            },
            {
              label: 'Winner',
              value: (
                <Link
                  href={`/agents/${d.winnerAgentId}`}
                  className="font-semibold text-emerald-700 hover:underline dark:text-emerald-400"
                >
                  {d.winnerAgentName}
                </Link>
              ),
            },
            { label: 'Strategy', value: <span className="font-mono text-xs">{d.strategy}</span> },
            {
              label: 'Decision time',
              value: (
                <span className="tabular-nums" data-testid="decision-time">
                  {formatNumber(d.durationUs)} µs
                </span>
              ),
            },
            { label: 'Decided at', value: <ClockTime at={d.decidedAt} /> },
            {
              label: 'Candidates',
              value: (
                <span className="tabular-nums">
                  {d.candidateCount}
                  {d.candidateCount > d.candidates.length && (
                    <span className="text-slate-400"> (best {d.candidates.length} shown)</span>
                  )}
                </span>
              ),
            },
          ]}
        />
      </div>
      <div className="border-t border-slate-100 px-4 py-3 dark:border-slate-800">
        <h3 className="mb-2 text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
          {stacked ? 'Score by term' : 'Score'}
        </h3>
        {d.candidates.length ? (
          <ScoreTermsChart candidates={d.candidates} winnerAgentId={d.winnerAgentId} />
        ) : (
          <p className="text-sm text-slate-400">No candidates recorded.</p>
        )}
        {!stacked && d.candidates.some((c) => Object.keys(c.terms).length) && (
          <ul className="mt-3 space-y-2">
            {d.candidates.map((c) => (
              <li key={c.agentId} className="grid grid-cols-[minmax(0,8rem)_1fr] items-start gap-3 text-xs">
                <span className="truncate font-medium">{c.agentName}</span>
                <ScoreTerms terms={c.terms} />
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="border-t border-slate-100 px-4 py-3 dark:border-slate-800">
        <ExcludedList excluded={d.excluded} excludedCount={d.excludedCount} />
      </div>
    </div>
  );
}
