'use client';

import { INPUT_CLASS } from '@/components/balancing/form-styles';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/form-field';
import type { LabelMatcher, MatchOp } from '@/server/core/alerts/label-matchers';

// The server's list lives beside zod (kept out of the browser bundle): the same four, checked by the type.
const MATCH_OPS = ['=', '!=', '=~', '!~'] as const satisfies readonly MatchOp[];

interface MatchersEditorProps {
  label: string;
  matchers: LabelMatcher[];
  onChange: (next: LabelMatcher[]) => void;
  /** Messages by row (`matchers.1.value`…) from the server's field errors. */
  errors?: Record<string, string>;
  /** What an empty list means here ("every alert", "no filter"). */
  emptyMeans: string;
  prefix?: string;
}

// The operator select keeps its own small width (the shared input class stretches to the row).
const OP_CLASS = INPUT_CLASS.replace('w-full', '');

const OP_TITLES: Record<string, string> = {
  '=': 'equals',
  '!=': 'does not equal',
  '=~': 'matches the regular expression (whole value)',
  '!~': 'does not match the regular expression',
};

/** Rows of `name op value`, Alertmanager's four operators; add and remove rows. */
export function MatchersEditor({
  label,
  matchers,
  onChange,
  errors = {},
  emptyMeans,
  prefix = 'matchers',
}: MatchersEditorProps) {
  const set = (i: number, patch: Partial<LabelMatcher>) =>
    onChange(matchers.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  return (
    <fieldset className="min-w-0 text-sm">
      <legend className="mb-1 text-xs font-medium text-slate-700 dark:text-slate-200">{label}</legend>
      {!matchers.length && <p className="mb-1 text-xs text-slate-500 dark:text-slate-400">None: {emptyMeans}.</p>}
      <ul className="space-y-1.5">
        {matchers.map((m, i) => {
          const error = errors[`${prefix}.${i}.name`] ?? errors[`${prefix}.${i}.value`] ?? errors[`${prefix}.${i}`];
          return (
            <li key={i} className="min-w-0">
              <div className="flex items-center gap-1.5">
                <input
                  aria-label={`${label} ${i + 1}: label name`}
                  value={m.name}
                  placeholder="label"
                  onChange={(e) => set(i, { name: e.target.value })}
                  className={`${INPUT_CLASS} min-w-0 flex-1 font-mono text-xs`}
                />
                <select
                  aria-label={`${label} ${i + 1}: operator`}
                  value={m.op}
                  title={OP_TITLES[m.op]}
                  onChange={(e) => set(i, { op: e.target.value as LabelMatcher['op'] })}
                  className={`${OP_CLASS} w-16 shrink-0 px-1 font-mono text-xs`}
                >
                  {MATCH_OPS.map((op) => (
                    <option key={op} value={op} title={OP_TITLES[op]}>
                      {op}
                    </option>
                  ))}
                </select>
                <input
                  aria-label={`${label} ${i + 1}: value`}
                  value={m.value}
                  placeholder="value"
                  onChange={(e) => set(i, { value: e.target.value })}
                  aria-invalid={!!error || undefined}
                  className={`${INPUT_CLASS} min-w-0 flex-1 font-mono text-xs`}
                />
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Remove ${label.toLowerCase()} ${i + 1}`}
                  onClick={() => onChange(matchers.filter((_, j) => j !== i))}
                >
                  ×
                </Button>
              </div>
              <FieldError message={error} />
            </li>
          );
        })}
      </ul>
      <Button
        size="sm"
        variant="ghost"
        className="mt-1"
        onClick={() => onChange([...matchers, { name: '', op: '=', value: '' }])}
      >
        + Add matcher
      </Button>
    </fieldset>
  );
}
