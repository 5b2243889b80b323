interface ProgressBarProps {
  /** 0..100; null draws an empty track. */
  percent: number | null;
  tone?: 'indigo' | 'green' | 'amber' | 'red';
  label?: string;
  className?: string;
}

const FILL = { indigo: 'bg-indigo-500', green: 'bg-emerald-500', amber: 'bg-amber-500', red: 'bg-red-500' } as const;

export function ProgressBar({ percent, tone = 'indigo', label, className = '' }: ProgressBarProps) {
  const value = percent == null ? 0 : Math.max(0, Math.min(100, percent));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent == null ? undefined : Math.round(value)}
      className={`h-1.5 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800 ${className}`}
    >
      <div
        className={`h-full rounded-full transition-[width] duration-300 ${FILL[tone]}`}
        style={{ width: `${value}%` }}
      />
    </div>
  );
}
