import { ScaleReason } from './scale-reason';
import type { PoolRow } from './types';

/**
 * Why the pool leaves work it could take waiting (sleep window, cool-down, max size, crash loop…).
 * A scale-down cool-down keeps idle agents a little longer and starves nothing: the decisions show it.
 */
export function PoolHoldCallout({ pool }: { pool: PoolRow }) {
  const hold = pool.hold;
  if (!hold || hold.kind === 'scale-down-cooldown') return null;
  const loud = hold.kind === 'crash-loop' || hold.kind === 'provider-unavailable';
  return (
    <div
      role="status"
      data-testid="pool-hold"
      data-kind={hold.kind}
      className={`rounded-lg border px-4 py-3 text-sm ${
        loud
          ? 'border-red-200 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200'
          : 'border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-200'
      }`}
    >
      <p className="text-xs font-semibold uppercase tracking-wide">Holding back</p>
      <p className="mt-1 break-words">
        The pool <ScaleReason reason={hold.message} />
      </p>
    </div>
  );
}
