import type { ReactNode } from 'react';

export interface DescriptionItem {
  label: string;
  value: ReactNode;
}

/** Label / value pairs in a responsive grid. */
interface DescriptionListProps {
  items: DescriptionItem[];
  columns?: string;
}

export function DescriptionList({
  items,
  columns = 'grid-cols-1 sm:grid-cols-2 lg:grid-cols-3',
}: DescriptionListProps) {
  return (
    <dl className={`grid gap-x-6 gap-y-3 text-sm ${columns}`}>
      {items.map((i) => (
        <div key={i.label} className="min-w-0">
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">{i.label}</dt>
          <dd className="mt-0.5 break-words text-slate-900 dark:text-slate-100">{i.value}</dd>
        </div>
      ))}
    </dl>
  );
}
