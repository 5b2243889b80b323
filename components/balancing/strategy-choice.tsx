'use client';

import { useId } from 'react';
import { Badge } from '@/components/ui/badge';
import type { StrategyInfo, StrategyName } from './types';

interface StrategyChoiceProps {
  strategies: readonly StrategyInfo[];
  value: StrategyName;
  /** The strategy in force, marked as such. */
  inForce: string;
  onChange: (name: StrategyName) => void;
  disabled?: boolean;
  error?: string;
}

/** Every strategy as a radio card with its description, so they can be compared before choosing. */
export function StrategyChoice({ strategies, value, inForce, onChange, disabled, error }: StrategyChoiceProps) {
  const group = useId();
  return (
    <fieldset disabled={disabled} aria-invalid={!!error || undefined}>
      <legend className="mb-2 text-sm font-medium">Strategy</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {strategies.map((s) => {
          const checked = s.name === value;
          return (
            <label
              key={s.name}
              className={`flex min-w-0 cursor-pointer gap-2.5 rounded-lg border p-3 transition-colors has-disabled:cursor-default ${
                checked
                  ? 'border-indigo-500 bg-indigo-50/70 ring-1 ring-indigo-500 dark:border-indigo-400 dark:bg-indigo-950/40 dark:ring-indigo-400'
                  : 'border-slate-200 hover:border-slate-300 dark:border-slate-700 dark:hover:border-slate-600'
              }`}
            >
              <input
                type="radio"
                name={group}
                value={s.name}
                checked={checked}
                onChange={() => onChange(s.name)}
                className="mt-0.5 accent-indigo-600"
              />
              <span className="min-w-0">
                <span className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900 dark:text-slate-100">
                  {s.name}
                  {s.name === inForce && (
                    <Badge tone="green" dot>
                      in force
                    </Badge>
                  )}
                </span>
                <span className="mt-0.5 block text-xs text-slate-500 dark:text-slate-400">{s.description}</span>
              </span>
            </label>
          );
        })}
      </div>
      {error && (
        <p role="alert" className="mt-1.5 text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </fieldset>
  );
}
