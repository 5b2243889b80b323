import type { ReactNode } from 'react';
import { INPUT_CLASS } from '@/components/balancing/form-styles';

/** A form field's label, and a fieldset's legend, across the dashboard's forms. */
export const LABEL_CLASS = 'mb-1 block text-xs font-medium text-slate-700 dark:text-slate-200';
const ERROR_CLASS = 'text-xs text-red-600 dark:text-red-400';
const HELP_CLASS = 'mt-0.5 text-[11px] leading-snug text-slate-500 dark:text-slate-400';

/** The problem with one field, under it; nothing when there is none. */
export function FieldError({ message }: { message?: string | null }) {
  return message ? (
    <p role="alert" className={`mt-0.5 ${ERROR_CLASS}`}>
      {message}
    </p>
  ) : null;
}

/** What names no field (or a refusal), above the form's buttons; nothing when there is none. */
export function FormError({ message, className }: { message?: string | null; className?: string }) {
  return message ? (
    <p role="alert" className={className ? `${className} ${ERROR_CLASS}` : ERROR_CLASS}>
      {message}
    </p>
  ) : null;
}

interface FormFieldProps {
  label: ReactNode;
  /** The control's id: the label names it (browser tests find fields by label). */
  htmlFor: string;
  error?: string | null;
  /** Shown under the control while it has no error. */
  help?: ReactNode;
  className?: string;
  /** The control itself, with its own id, aria-invalid and look. */
  children: ReactNode;
}

/** Label, control, then its error (or help). */
export function FormField({ label, htmlFor, error, help, className, children }: FormFieldProps) {
  return (
    <div className={className}>
      <label htmlFor={htmlFor} className={LABEL_CLASS}>
        {label}
      </label>
      {children}
      {error ? <FieldError message={error} /> : help && <p className={HELP_CLASS}>{help}</p>}
    </div>
  );
}

interface TextFieldProps {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  /** Also marks the input aria-invalid (its red border). */
  error?: string | null;
  placeholder?: string;
  /** Added to the input's look: `font-mono`. */
  inputClassName?: string;
  className?: string;
}

/** A FormField around a one-line text input (no browser autocomplete). */
export function TextField({
  id,
  label,
  value,
  onChange,
  error,
  placeholder,
  inputClassName,
  className,
}: TextFieldProps) {
  return (
    <FormField label={label} htmlFor={id} error={error} className={className}>
      <input
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={inputClassName ? `${INPUT_CLASS} ${inputClassName}` : INPUT_CLASS}
        placeholder={placeholder}
        autoComplete="off"
        aria-invalid={!!error || undefined}
      />
    </FormField>
  );
}
