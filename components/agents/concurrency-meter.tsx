interface ConcurrencyMeterProps {
  active: number;
  max: number;
}

/** "1 / 2" with one pip per slot, filled while in use. */
export function ConcurrencyMeter({ active, max }: ConcurrencyMeterProps) {
  const pips = Math.min(max, 8);
  return (
    <span className="inline-flex items-center gap-2" title={`${active} of ${max} slots in use`}>
      <span className="tabular-nums">
        {active} / {max}
      </span>
      <span className="flex gap-0.5" aria-hidden>
        {Array.from({ length: pips }, (_, i) => (
          <span
            key={i}
            className={`h-2.5 w-1.5 rounded-sm ${i < active ? 'bg-indigo-500' : 'bg-slate-200 dark:bg-slate-700'}`}
          />
        ))}
      </span>
    </span>
  );
}
