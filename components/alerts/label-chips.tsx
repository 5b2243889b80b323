interface LabelChipsProps {
  labels: Record<string, string>;
  /** Labels every alert of the view has anyway (the rule's name…), left out. */
  hide?: readonly string[];
  max?: number;
  /** Leave out `agent_id`-style labels (a list shows the name beside them; the alert's page shows all). */
  hideIds?: boolean;
}

/** `capability=gpu` chips in a monospace font, sorted by name; the rest counted past `max`. */
export function LabelChips({ labels, hide = [], max = Infinity, hideIds = false }: LabelChipsProps) {
  const entries = Object.entries(labels)
    .filter(([k]) => !hide.includes(k) && !(hideIds && k.endsWith('_id')))
    .sort(([a], [b]) => a.localeCompare(b));
  const shown = entries.slice(0, max);
  return (
    <span className="flex flex-wrap gap-1">
      {shown.map(([k, v]) => (
        <span
          key={k}
          className="inline-flex max-w-[16rem] truncate rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[11px] text-slate-700 dark:bg-slate-800 dark:text-slate-300"
          title={`${k}=${v}`}
        >
          <span className="text-slate-500 dark:text-slate-400">{k}=</span>
          {v}
        </span>
      ))}
      {entries.length > shown.length && (
        <span
          className="text-[11px] text-slate-500"
          title={entries
            .slice(max)
            .map(([k, v]) => `${k}=${v}`)
            .join(', ')}
        >
          +{entries.length - shown.length}
        </span>
      )}
    </span>
  );
}
