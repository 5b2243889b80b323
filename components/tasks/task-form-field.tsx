'use client';

import { useId, type ReactNode } from 'react';
import { INPUT_CLASS } from '@/components/balancing/form-styles';

interface TaskFormFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The form's or the server's message for this field; it replaces the help while shown. */
  error?: string;
  help?: ReactNode;
  name: string;
  placeholder?: string;
  rows?: number;
  mono?: boolean;
  numeric?: boolean;
  className?: string;
}

/** A labelled input of the submit form, with its help below, or the error that names it. */
export function TaskFormField({
  label,
  value,
  onChange,
  error,
  help,
  name,
  placeholder,
  rows,
  mono,
  numeric,
  className = '',
}: TaskFormFieldProps) {
  const id = useId();
  const note = `${id}-note`;
  const common = {
    id,
    name,
    value,
    placeholder,
    'aria-invalid': !!error || undefined,
    'aria-describedby': error || help ? note : undefined,
    className: `${INPUT_CLASS} ${mono ? 'font-mono text-xs' : ''} ${numeric ? 'tabular-nums' : ''}`,
  };
  return (
    <div className={`min-w-0 text-sm ${className}`}>
      <label htmlFor={id} className="mb-1 block font-medium">
        {label}
      </label>
      {rows ? (
        <textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type="text"
          inputMode={numeric ? 'numeric' : undefined}
          autoComplete="off"
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {error ? (
        <p id={note} role="alert" data-field-error={name} className="mt-0.5 text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : (
        help && (
          <p id={note} className="mt-0.5 text-xs leading-snug text-slate-500 dark:text-slate-400">
            {help}
          </p>
        )
      )}
    </div>
  );
}
