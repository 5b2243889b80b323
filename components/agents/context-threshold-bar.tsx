import { formatPercent } from '@/components/ui/format';

interface ContextThresholdBarProps {
  /** Used share of the window, 0..1. */
  ratio: number;
  consolidateAt: number;
  fullAt: number;
}

/** The context window's fill with two markers: where the agent consolidates, where it is full. */
export function ContextThresholdBar({ ratio, consolidateAt, fullAt }: ContextThresholdBarProps) {
  const fill = ratio >= fullAt ? 'bg-red-500' : ratio >= consolidateAt ? 'bg-amber-500' : 'bg-indigo-500';
  const marks = [
    // One label above the bar and one below, each ending at its marker: they never overlap or overflow.
    {
      at: consolidateAt,
      label: `consolidate ${formatPercent(consolidateAt)}`,
      tone: 'bg-amber-600 dark:bg-amber-400',
      text: '-top-4 text-amber-700 dark:text-amber-400',
    },
    {
      at: fullAt,
      label: `full ${formatPercent(fullAt)}`,
      tone: 'bg-red-600 dark:bg-red-400',
      text: 'top-5 text-red-700 dark:text-red-400',
    },
  ];
  return (
    <div className="pt-5 pb-5">
      <div
        role="progressbar"
        aria-label="Context window used"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(ratio * 100)}
        className="relative h-2.5 w-full rounded-full bg-slate-200 dark:bg-slate-800"
      >
        <div
          className={`h-full rounded-full transition-[width] duration-300 ${fill}`}
          style={{ width: `${Math.min(100, ratio * 100)}%` }}
        />
        {marks.map((m) => (
          <div
            key={m.label}
            className="absolute -top-1 h-[18px]"
            style={{ left: `${m.at * 100}%` }}
            data-testid="context-threshold"
          >
            <span className={`absolute h-full w-0.5 -translate-x-1/2 rounded ${m.tone}`} aria-hidden />
            <span className={`absolute right-0 whitespace-nowrap pr-0.5 text-[11px] leading-none ${m.text}`}>
              {m.label}
            </span>
          </div>
        ))}
      </div>
    </div>
  );
}
