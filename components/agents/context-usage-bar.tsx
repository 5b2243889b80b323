import { formatNumber, formatTokens } from '@/components/ui/format';
import { ProgressBar } from '@/components/ui/progress-bar';

interface ContextUsageBarProps {
  used: number | null;
  window: number | null;
}

/** How full the agent's context window is; amber above 70 %, red above 90 %. */
export function ContextUsageBar({ used, window }: ContextUsageBarProps) {
  if (used == null || !window) return <span className="text-xs text-slate-400">not reported</span>;
  const pct = Math.min(100, (used / window) * 100);
  const tone = pct >= 90 ? 'red' : pct >= 70 ? 'amber' : 'indigo';
  return (
    <div className="w-32" title={`${formatNumber(used)} of ${formatNumber(window)} tokens`}>
      <div className="mb-1 flex justify-between text-xs tabular-nums text-slate-500 dark:text-slate-400">
        <span>{Math.round(pct)}%</span>
        <span>
          {formatTokens(used)} / {formatTokens(window)}
        </span>
      </div>
      <ProgressBar percent={pct} tone={tone} label="Context window used" />
    </div>
  );
}
