'use client';

import Link from 'next/link';
import type { DecisionRow } from '@/components/api-types';
import { Card } from '@/components/ui/card';
import { formatNumber } from '@/components/ui/format';
import { RelativeTime } from '@/components/ui/relative-time';
import { CandidateTable } from './candidate-table';
import { ExcludedList } from './excluded-list';

/** Why attempt n went to its agent: strategy, winner, timing, candidates and exclusions. */
export function DecisionCard({ decision: d }: { decision: DecisionRow }) {
  return (
    <Card
      bodyClassName=""
      testId="decision"
      title={
        <>
          Attempt {d.attempt} · <span className="font-mono text-xs font-normal text-slate-500">{d.strategy}</span>
        </>
      }
      description={
        <>
          Decided <RelativeTime at={d.decidedAt} /> in{' '}
          <span className="tabular-nums">{formatNumber(d.durationUs)} µs</span>
        </>
      }
      action={
        <span className="text-sm">
          <span className="text-slate-500">Winner </span>
          <Link
            href={`/agents/${d.winnerAgentId}`}
            className="font-semibold text-emerald-700 hover:underline dark:text-emerald-400"
            data-testid="decision-winner"
          >
            {d.winnerAgentName}
          </Link>
        </span>
      }
    >
      <CandidateTable candidates={d.candidates} winnerAgentId={d.winnerAgentId} />
      {d.candidateCount > d.candidates.length && (
        <p className="px-4 pb-2 text-xs text-slate-500">
          Showing the {d.candidates.length} best of {d.candidateCount} candidates.
        </p>
      )}
      <div className="border-t border-slate-100 px-4 py-3 dark:border-slate-800">
        <ExcludedList excluded={d.excluded} excludedCount={d.excludedCount} />
      </div>
    </Card>
  );
}
