/** A task's required capabilities as small chips; "any" when it needs none. */
export function CapabilityChips({ capabilities }: { capabilities: string[] }) {
  if (!capabilities.length) return <span className="text-xs text-slate-400">any agent</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {capabilities.map((c) => (
        <li
          key={c}
          className="rounded-md border border-slate-200 px-1.5 py-0.5 text-xs text-slate-700 dark:border-slate-700 dark:text-slate-200"
        >
          {c}
        </li>
      ))}
    </ul>
  );
}
