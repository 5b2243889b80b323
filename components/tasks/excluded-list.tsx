import Link from 'next/link';
import type { DecisionRow } from '@/components/api-types';
import { PendingMessage } from './pending-message';

interface ExcludedListProps {
  excluded: DecisionRow['excluded'];
  excludedCount: number;
}

/** The agents a decision left out and why; summary rows (no agent id) are not links. */
export function ExcludedList({ excluded, excludedCount }: ExcludedListProps) {
  return (
    <>
      <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
        Excluded ({excludedCount})
      </h3>
      {excluded.length ? (
        <ul className="mt-2 grid gap-1.5 text-sm sm:grid-cols-2" data-testid="decision-excluded">
          {excluded.map((x, i) => (
            <li key={`${i}-${x.agentId}`} className="flex min-w-0 flex-wrap items-baseline gap-x-2">
              {x.agentId ? (
                <Link href={`/agents/${x.agentId}`} className="font-medium hover:underline">
                  {x.agentName}
                </Link>
              ) : (
                <span className="font-medium text-slate-500">{x.agentName}</span>
              )}
              <span className="text-xs text-amber-700 dark:text-amber-400">
                <PendingMessage message={x.reason} />
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-sm text-slate-400">Every registered agent was a candidate.</p>
      )}
    </>
  );
}
