/** "+6", "−2" or "0": the change in awake agents. */
export function ScaleDelta({ delta }: { delta: number }) {
  const tone =
    delta > 0
      ? 'text-indigo-700 dark:text-indigo-300'
      : delta < 0
        ? 'text-sky-700 dark:text-sky-300'
        : 'text-slate-400';
  return (
    <span className={`font-medium tabular-nums ${tone}`}>
      {delta > 0 ? `+${delta}` : delta < 0 ? `−${-delta}` : '0'}
    </span>
  );
}
