'use client';

import { useEffect, useId, useState } from 'react';
import { INPUT_CLASS } from '@/components/balancing/form-styles';
import type { DeadLetterFilters } from './dead-letter-filters';

interface DeadLetterFiltersBarProps {
  filters: DeadLetterFilters;
  onChange: (next: DeadLetterFilters) => void;
  /** Suggestions from the dead letters loaded so far. */
  capabilities: string[];
  projects: string[];
}

const LABEL = 'mb-1 block text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400';

/** Title / id search plus the retry filters; applied 300 ms after typing stops. */
export function DeadLetterFiltersBar({ filters, onChange, capabilities, projects }: DeadLetterFiltersBarProps) {
  const [draft, setDraft] = useState(filters);
  const id = useId();

  useEffect(() => {
    const same = (Object.keys(draft) as (keyof DeadLetterFilters)[]).every((k) => draft[k].trim() === filters[k]);
    if (same) return;
    const timer = setTimeout(
      () =>
        onChange({
          search: draft.search.trim(),
          capability: draft.capability.trim(),
          errorContains: draft.errorContains.trim(),
          project: draft.project.trim(),
        }),
      300,
    );
    return () => clearTimeout(timer);
  }, [draft, filters, onChange]);

  const field = (key: keyof DeadLetterFilters) => ({
    value: draft[key],
    onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value })),
    className: INPUT_CLASS,
  });

  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <label className="col-span-2 block min-w-0 lg:col-span-1">
        <span className={LABEL}>Search</span>
        <input
          type="search"
          {...field('search')}
          placeholder="Title or task id…"
          aria-label="Search dead letters"
          data-shortcut="search"
        />
      </label>
      <label className="col-span-2 block min-w-0 lg:col-span-1">
        <span className={LABEL}>Error contains</span>
        <input
          type="text"
          {...field('errorContains')}
          placeholder="e.g. timeout"
          aria-label="Error contains"
          autoComplete="off"
        />
      </label>
      <label className="block min-w-0">
        <span className={LABEL}>Capability</span>
        <input
          type="text"
          {...field('capability')}
          list={`${id}-caps`}
          placeholder="any"
          aria-label="Capability"
          autoComplete="off"
        />
        <datalist id={`${id}-caps`}>
          {capabilities.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
      </label>
      <label className="block min-w-0">
        <span className={LABEL}>Project</span>
        <input
          type="text"
          {...field('project')}
          list={`${id}-projects`}
          placeholder="any"
          aria-label="Project"
          autoComplete="off"
        />
        <datalist id={`${id}-projects`}>
          {projects.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
      </label>
    </div>
  );
}
