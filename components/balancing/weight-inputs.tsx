'use client';

import { formatNumber } from '@/components/ui/format';
import { INPUT_CLASS } from './form-styles';

interface WeightInputsProps {
  /** The strategy's parameters and their defaults. */
  defaults: Record<string, number>;
  values: Record<string, string>;
  onChange: (values: Record<string, string>) => void;
  /** Server messages by parameter name. */
  errors: Record<string, string>;
  disabled?: boolean;
}

/** One number input per strategy parameter, its default beside it; an emptied input means the default. */
export function WeightInputs({ defaults, values, onChange, errors, disabled }: WeightInputsProps) {
  const keys = Object.keys(defaults);
  if (!keys.length)
    return <p className="text-xs text-slate-500 dark:text-slate-400">This strategy has no parameters.</p>;
  return (
    <fieldset disabled={disabled}>
      <legend className="mb-2 text-sm font-medium">Weights</legend>
      <div className="grid grid-cols-2 gap-x-3 gap-y-2.5 sm:grid-cols-3 xl:grid-cols-4">
        {keys.map((k) => (
          <label key={k} className="min-w-0 text-sm">
            <span className="mb-1 block truncate text-xs font-medium text-slate-600 dark:text-slate-300" title={k}>
              {k}
            </span>
            <input
              type="number"
              inputMode="decimal"
              step="any"
              name={k}
              value={values[k] ?? ''}
              placeholder={String(defaults[k])}
              aria-invalid={!!errors[k] || undefined}
              onChange={(e) => onChange({ ...values, [k]: e.target.value })}
              className={`${INPUT_CLASS} tabular-nums`}
            />
            {errors[k] ? (
              <span role="alert" className="mt-0.5 block text-xs text-red-600 dark:text-red-400">
                {errors[k]}
              </span>
            ) : (
              <span className="mt-0.5 block text-[11px] text-slate-400">default {formatNumber(defaults[k], 4)}</span>
            )}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
