import type { ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  className?: string;
  headerClassName?: string;
  /** Set on sortable columns: the header's `aria-sort`. */
  ariaSort?: 'ascending' | 'descending' | 'none';
}

interface DataTableProps<T> {
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** Accessible name of the table. */
  label: string;
  minWidth?: string;
  testId?: string;
  /** When given, phones get a list of these cards instead of a sideways-scrolling table. */
  card?: (row: T) => ReactNode;
}

/** A plain table; below the md breakpoint it becomes cards, or scrolls sideways in its own box. */
export function DataTable<T>({
  columns,
  rows,
  rowKey,
  label,
  minWidth = 'min-w-[720px]',
  testId,
  card,
}: DataTableProps<T>) {
  return (
    <>
      {card && (
        <ul
          aria-label={label}
          data-testid={testId && `${testId}-cards`}
          className="divide-y divide-slate-100 md:hidden dark:divide-slate-800"
        >
          {rows.map((row) => (
            <li key={rowKey(row)} className="min-w-0 px-4 py-3">
              {card(row)}
            </li>
          ))}
        </ul>
      )}
      <div className={`w-full overflow-x-auto ${card ? 'hidden md:block' : ''}`}>
        <table
          aria-label={label}
          data-testid={testId}
          className={`w-full ${minWidth} border-collapse text-left text-sm`}
        >
          <thead>
            <tr className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
              {columns.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={c.ariaSort}
                  className={`whitespace-nowrap px-4 py-2.5 font-medium ${c.headerClassName ?? ''}`}
                >
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {rows.map((row) => (
              <tr
                key={rowKey(row)}
                data-row-key={rowKey(row)}
                className="align-middle hover:bg-slate-50/80 dark:hover:bg-slate-800/40"
              >
                {columns.map((c) => (
                  <td key={c.key} className={`whitespace-nowrap px-4 py-2.5 ${c.className ?? ''}`}>
                    {c.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
