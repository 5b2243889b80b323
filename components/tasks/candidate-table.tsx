import Link from 'next/link';
import type { DecisionRow } from '@/components/api-types';
import { DataTable, type Column } from '@/components/ui/data-table';
import { CandidateCard } from './candidate-card';
import { ScoreTerms } from './score-terms';

type Candidate = DecisionRow['candidates'][number];

interface CandidateTableProps {
  candidates: Candidate[];
  winnerAgentId: string;
}

/** Every candidate the strategy scored, best first, with the terms behind each score. */
export function CandidateTable({ candidates, winnerAgentId }: CandidateTableProps) {
  const best = Math.max(...candidates.map((c) => c.score), 0) || 1;
  const columns: Column<Candidate>[] = [
    {
      key: 'agent',
      header: 'Candidate',
      cell: (c) => (
        <span className="flex items-center gap-2">
          <Link href={`/agents/${c.agentId}`} className="font-medium hover:underline">
            {c.agentName}
          </Link>
          {c.agentId === winnerAgentId && (
            <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-[10px] font-semibold uppercase text-emerald-800 dark:bg-emerald-900 dark:text-emerald-200">
              winner
            </span>
          )}
        </span>
      ),
    },
    {
      key: 'score',
      header: 'Score',
      cell: (c) => (
        <span className="flex items-center gap-2">
          <span className="h-2 w-20 overflow-hidden rounded-full bg-slate-100 dark:bg-slate-800">
            <span
              className={`block h-full rounded-full ${c.agentId === winnerAgentId ? 'bg-emerald-500' : 'bg-indigo-400'}`}
              style={{ width: `${Math.max(0, c.score / best) * 100}%` }}
            />
          </span>
          <span className="tabular-nums font-medium">{c.score.toFixed(3)}</span>
        </span>
      ),
    },
    {
      key: 'load',
      header: 'Active / max',
      cell: (c) => (
        <span className="tabular-nums">
          {c.activeTasks} / {c.maxConcurrency}
        </span>
      ),
    },
    {
      key: 'terms',
      header: 'Score terms',
      cell: (c) => <ScoreTerms terms={c.terms} />,
      className: 'whitespace-normal',
    },
  ];
  return (
    <DataTable
      label="Candidates"
      testId="decision-candidates"
      columns={columns}
      rows={candidates}
      rowKey={(c) => c.agentId}
      minWidth="min-w-[640px]"
      card={(c) => <CandidateCard candidate={c} winner={c.agentId === winnerAgentId} best={best} />}
    />
  );
}
