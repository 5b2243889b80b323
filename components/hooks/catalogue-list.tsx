'use client';

import { useState } from 'react';
import { JsonView } from '@/components/ui/json-view';
import type { CatalogueEntry } from './types';

/** Every event a hook can subscribe to, what causes it, and an example of the body it receives. */
export function CatalogueList({ entries }: { entries: CatalogueEntry[] }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="hook-catalogue">
      {entries.map((e) => (
        <li key={e.name} className="px-4 py-2.5">
          <button
            type="button"
            aria-expanded={open === e.name}
            onClick={() => setOpen(open === e.name ? null : e.name)}
            className="flex w-full flex-wrap items-baseline gap-x-3 text-left"
          >
            <span className="font-mono text-sm font-medium text-indigo-700 dark:text-indigo-300">{e.name}</span>
            <span className="min-w-0 flex-1 text-sm text-slate-600 dark:text-slate-300">{e.description}</span>
            <span aria-hidden className="text-xs text-slate-400">
              {open === e.name ? '▾' : '▸'}
            </span>
          </button>
          {open === e.name && (
            <div className="mt-2 space-y-1">
              <p className="text-xs text-slate-500">
                From the log’s <span className="font-mono">{String(e.source)}</span>. Example body:
              </p>
              <JsonView value={e.example} label={`Example body of ${e.name}`} />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
