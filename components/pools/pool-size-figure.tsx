import type { PoolRow } from './types';

/** "3" agents, with how many are awake and busy beneath. */
export function PoolSizeFigure({ pool }: { pool: Pick<PoolRow, 'size' | 'awake' | 'busy'> }) {
  return (
    <span
      className="inline-flex flex-col leading-tight"
      title={`${pool.size} agents: ${pool.awake} awake, ${pool.busy} busy, ${pool.size - pool.awake} asleep`}
    >
      <span className="font-medium tabular-nums text-slate-900 dark:text-slate-100">{pool.size}</span>
      <span className="text-xs tabular-nums text-slate-500 dark:text-slate-400">
        {pool.awake} awake · {pool.busy} busy
      </span>
    </span>
  );
}
