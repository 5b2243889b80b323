import type { Capability } from '@/server/core/model';

interface CapabilityListProps {
  capabilities: Capability[];
  /** Show at most this many chips, then "+n". */
  limit?: number;
}

/** Capability chips with their proficiency level (0..1). */
export function CapabilityList({ capabilities, limit }: CapabilityListProps) {
  if (!capabilities.length) return <span className="text-xs text-slate-400">none</span>;
  const shown = limit ? capabilities.slice(0, limit) : capabilities;
  const hidden = capabilities.length - shown.length;
  return (
    <ul className="flex flex-wrap gap-1">
      {shown.map((c) => (
        <li
          key={c.name}
          title={`${c.name}: proficiency ${c.level}`}
          className="inline-flex items-center overflow-hidden rounded-md border border-slate-200 text-xs dark:border-slate-700"
        >
          <span className="px-1.5 py-0.5 text-slate-700 dark:text-slate-200">{c.name}</span>
          <span className="bg-slate-100 px-1.5 py-0.5 tabular-nums text-slate-500 dark:bg-slate-800 dark:text-slate-400">
            {c.level.toFixed(1)}
          </span>
        </li>
      ))}
      {hidden > 0 && <li className="px-1 text-xs text-slate-500">+{hidden}</li>}
    </ul>
  );
}
