import Link from 'next/link';
import type { DecisionRow } from '@/components/api-types';
import { ScoreTerms } from './score-terms';

interface CandidateCardProps {
  candidate: DecisionRow['candidates'][number];
  winner: boolean;
  /** Best score among the candidates, for the bar's scale. */
  best: number;
}

/** One scored candidate as a phone-sized card. */
export function CandidateCard({ candidate: c, winner, best }: CandidateCardProps) {
  return (
    <div className="space-y-2 text-sm">
      <div className="flex items-center justify-between gap-2">
        <span className="flex min-w-0 items-center gap-2">
          <Link href={`/agents/${c.agentId}`} className="truncate font-medium hover:underline">
            {c.agentName}
          </Link>
          {winner && (
            <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-[10px] font-semibold uppercase text-emerald-800 dark:bg-emerald-900 dark:text-emerald-200">
              winner
            </span>
          )}
        </span>
        <span className="shrink-0 text-xs tabular-nums text-slate-500">
          {c.activeTasks}/{c.maxConcurrency} busy
        </span>
      </div>
      <div className="flex items-center gap-2">
        <span className="h-2 flex-1 overflow-hidden rounded-full bg-slate-100 dark:bg-slate-800">
          <span
            className={`block h-full rounded-full ${winner ? 'bg-emerald-500' : 'bg-indigo-400'}`}
            style={{ width: `${Math.max(0, c.score / best) * 100}%` }}
          />
        </span>
        <span className="tabular-nums font-medium">{c.score.toFixed(3)}</span>
      </div>
      <ScoreTerms terms={c.terms} />
    </div>
  );
}
