import type { ReactNode } from 'react';

interface PlainTableProps {
  /** Accessible name of the table. */
  label: string;
  testId?: string;
  minWidth: string;
  headers: readonly ReactNode[];
  /** The body's rows: for tables whose rows open a detail row under them (DataTable has one row each). */
  children: ReactNode;
}

/** DataTable's look, with the rows written by the caller; scrolls sideways in its own box. */
export function PlainTable({ label, testId, minWidth, headers, children }: PlainTableProps) {
  return (
    <div className="w-full overflow-x-auto">
      <table aria-label={label} data-testid={testId} className={`w-full ${minWidth} border-collapse text-left text-sm`}>
        <thead>
          <tr className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
            {headers.map((h, i) => (
              <th key={i} scope="col" className="whitespace-nowrap px-4 py-2.5 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">{children}</tbody>
      </table>
    </div>
  );
}
