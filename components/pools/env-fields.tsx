'use client';

import { INPUT_CLASS } from '@/components/balancing/form-styles';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { newEnvRow, type EnvRow } from './env-draft';

interface EnvFieldsProps {
  rows: EnvRow[];
  onChange: (rows: EnvRow[]) => void;
  /** Messages keyed `providerSettings.env.<NAME>` (or `#<key>` for a row without a name yet). */
  errors: Record<string, string>;
  disabled?: boolean;
}

const SET_BADGE = {
  true: (
    <Badge tone="green" testId="env-state">
      set
    </Badge>
  ),
  false: (
    <Badge tone="gray" testId="env-state">
      not set
    </Badge>
  ),
};

/**
 * The agents' environment (API keys for the CLIs). Saved values are write-only: each shows as set
 * or not set, and can be replaced or removed; new ones are typed in full.
 */
export function EnvFields({ rows, onChange, errors, disabled }: EnvFieldsProps) {
  const update = (key: number, patch: Partial<EnvRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const drop = (key: number) => onChange(rows.filter((r) => r.key !== key));
  const errorOf = (r: EnvRow) => errors[`providerSettings.env.${r.name.trim() || `#${r.key}`}`];
  return (
    <fieldset disabled={disabled} className="min-w-0" data-testid="env-fields">
      <legend className="mb-1 text-sm font-medium">Environment</legend>
      <p className="mb-2 text-[11px] leading-snug text-slate-500 dark:text-slate-400">
        Passed to every agent of the pool (API keys for the CLIs). Saved values are never shown again: replace or remove
        them.
      </p>
      <ul className="space-y-2">
        {rows.map((r) => {
          const error = errorOf(r);
          return (
            <li key={r.key} data-testid={`env-row-${r.name || r.key}`} className="text-sm">
              <div className="flex flex-wrap items-center gap-2">
                {r.saved ? (
                  <>
                    <code className={`font-mono text-xs ${r.action === 'remove' ? 'text-slate-400 line-through' : ''}`}>
                      {r.name}
                    </code>
                    {r.action === 'remove' ? (
                      <span className="text-xs text-slate-500">will be removed</span>
                    ) : (
                      SET_BADGE[String(r.set) as 'true' | 'false']
                    )}
                  </>
                ) : (
                  <input
                    aria-label="Variable name"
                    placeholder="NAME"
                    value={r.name}
                    autoComplete="off"
                    aria-invalid={!!error || undefined}
                    onChange={(e) => update(r.key, { name: e.target.value })}
                    className={`${INPUT_CLASS} w-48 font-mono text-xs`}
                  />
                )}
                {r.action === 'replace' && (
                  <input
                    type="password"
                    aria-label={`New value of ${r.name || 'the variable'}`}
                    placeholder={r.saved ? 'new value' : 'value'}
                    value={r.value}
                    autoComplete="new-password"
                    aria-invalid={!!error || undefined}
                    onChange={(e) => update(r.key, { value: e.target.value })}
                    className={`${INPUT_CLASS} w-56 font-mono text-xs`}
                  />
                )}
                {r.saved && r.action === 'keep' && (
                  <>
                    <Button size="sm" variant="ghost" onClick={() => update(r.key, { action: 'replace' })}>
                      Replace
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => update(r.key, { action: 'remove' })}>
                      Remove
                    </Button>
                  </>
                )}
                {r.saved && r.action !== 'keep' && (
                  <Button size="sm" variant="ghost" onClick={() => update(r.key, { action: 'keep', value: '' })}>
                    Keep saved value
                  </Button>
                )}
                {!r.saved && (
                  <Button size="sm" variant="ghost" onClick={() => drop(r.key)}>
                    Discard
                  </Button>
                )}
              </div>
              {error && (
                <p role="alert" className="mt-0.5 text-xs text-red-600 dark:text-red-400">
                  {error}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {!rows.length && <p className="text-xs text-slate-500 dark:text-slate-400">No variables.</p>}
      <Button size="sm" variant="secondary" className="mt-2" onClick={() => onChange([...rows, newEnvRow(rows)])}>
        Add variable
      </Button>
    </fieldset>
  );
}
