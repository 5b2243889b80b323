import { StatCard } from '@/components/ui/stat-card';
import type { PoolRow } from './types';

/** The pool's live counts; the figures carry test ids of their own (just the number). */
export function PoolStats({ pool: p }: { pool: PoolRow }) {
  const wanted = Math.min(p.maxSize, Math.max(p.minSize, Math.ceil(p.backlog / p.targetBacklogPerAgent)));
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <StatCard
        label="Size"
        value={<span data-testid="pool-size">{p.size}</span>}
        hint={`min ${p.minSize} · max ${p.maxSize}`}
      />
      <StatCard
        label="Awake"
        value={<span data-testid="pool-awake">{p.awake}</span>}
        hint={`${p.size - p.awake} asleep`}
      />
      <StatCard
        label="Busy"
        value={<span data-testid="pool-busy">{p.busy}</span>}
        hint={`up to ${p.agentConcurrency} task${p.agentConcurrency === 1 ? '' : 's'} per agent`}
      />
      <StatCard
        label="Backlog"
        value={<span data-testid="pool-backlog">{p.backlog}</span>}
        hint={
          <span title="Queued tasks these agents could run, at the pool's target per agent">
            target {p.targetBacklogPerAgent}/agent → {wanted} awake wanted
          </span>
        }
      />
    </div>
  );
}
