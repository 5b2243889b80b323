'use client';

import { useId, type ReactNode } from 'react';
import { INPUT_CLASS } from '@/components/balancing/form-styles';

interface PoolInputFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The server's (or the form's) message for this field; replaces the help while shown. */
  error?: string;
  help?: ReactNode;
  name?: string;
  placeholder?: string;
  /** Numbers get a numeric keyboard and tabular digits; `unit` is shown after the input. */
  numeric?: boolean;
  unit?: string;
  /** Several lines (one item per line). */
  rows?: number;
  mono?: boolean;
  className?: string;
}

/** A labelled input with its help text below, or the error that names it. */
export function PoolInputField({
  label,
  value,
  onChange,
  error,
  help,
  name,
  placeholder,
  numeric,
  unit,
  rows,
  mono,
  className = '',
}: PoolInputFieldProps) {
  const id = useId();
  const note = `${id}-note`;
  const common = {
    id,
    name,
    value,
    placeholder,
    'aria-invalid': !!error || undefined,
    'aria-describedby': error || help ? note : undefined,
    className: `${INPUT_CLASS} ${numeric ? 'tabular-nums' : ''} ${mono ? 'font-mono text-xs' : ''}`,
  };
  return (
    <div className={`min-w-0 text-sm ${className}`}>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-700 dark:text-slate-200">
        {label}
      </label>
      <div className="flex items-center gap-2">
        {rows ? (
          <textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input
            {...common}
            type="text"
            inputMode={numeric ? 'decimal' : undefined}
            autoComplete="off"
            onChange={(e) => onChange(e.target.value)}
          />
        )}
        {unit && <span className="shrink-0 text-xs text-slate-500 dark:text-slate-400">{unit}</span>}
      </div>
      {error ? (
        <p id={note} role="alert" className="mt-0.5 text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : (
        help && (
          <p id={note} className="mt-0.5 text-[11px] leading-snug text-slate-500 dark:text-slate-400">
            {help}
          </p>
        )
      )}
    </div>
  );
}
