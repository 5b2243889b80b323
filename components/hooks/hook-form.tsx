'use client';

import { useState } from 'react';
import { INPUT_CLASS } from '@/components/balancing/form-styles';
import { formErrors } from '@/components/alerts/form-errors';
import { FormButtons } from '@/components/ui/form-buttons';
import { FieldError, FormError, FormField, LABEL_CLASS, TextField } from '@/components/ui/form-field';
import type { ErrorLike } from '@/components/trpc/input-issues';
import {
  covered,
  DEFAULT_TIMEOUT_S,
  hookInputFromDraft,
  namespacesOf,
  togglePattern,
  type HookDraft,
} from './hook-draft';
import type { CatalogueEntry } from './types';

interface HookFormProps {
  catalogue: CatalogueEntry[];
  busy: boolean;
  error: ErrorLike | null;
  onSubmit: (input: NonNullable<ReturnType<typeof hookInputFromDraft>['input']>) => void;
  onCancel: () => void;
  initial: HookDraft;
}

/** A subscription picks events from the catalogue (or whole namespaces); a pre-assignment hook sets its time limit and what a timeout does. */
export function HookForm({ catalogue, busy, error, onSubmit, onCancel, initial }: HookFormProps) {
  const [d, setD] = useState(initial);
  const set = (patch: Partial<HookDraft>) => setD((x) => ({ ...x, ...patch }));
  const [tried, setTried] = useState(false);
  const { problem, input } = hookInputFromDraft(d);
  const server = formErrors(error, ['name', 'url', 'patterns', 'timeoutMs', 'failMode', 'kind']);
  const headed = /^(name|url|patterns|timeoutMs): ([\s\S]*)$/.exec(server.form ?? '');
  const err = (k: string) =>
    Object.entries(server.fields).find(([p]) => p === k || p.startsWith(`${k}.`))?.[1] ??
    (headed?.[1] === k ? headed[2] : undefined);
  const names = catalogue.map((c) => c.name);
  const pattern = (p: string, text: string, title?: string) => (
    <label key={p} className="inline-flex items-center gap-1.5 text-xs" title={title}>
      <input
        type="checkbox"
        checked={d.patterns.includes(p)}
        disabled={!d.patterns.includes(p) && covered(d.patterns, p) && p !== '*'}
        onChange={(e) => set({ patterns: togglePattern(d.patterns, p, e.target.checked) })}
      />
      <span className="font-mono">{text}</span>
    </label>
  );

  return (
    <form
      data-testid="hook-form"
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (input) onSubmit(input);
      }}
    >
      <div role="radiogroup" aria-label="Kind" className="flex flex-wrap gap-4 text-sm">
        {(['event', 'pre-assignment'] as const).map((k) => (
          <label key={k} className="inline-flex items-center gap-2">
            <input type="radio" name="hook-kind" checked={d.kind === k} onChange={() => set({ kind: k })} />
            {k === 'event' ? 'Event subscription' : 'Pre-assignment hook'}
          </label>
        ))}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id="hook-name" label="Name" value={d.name} onChange={(name) => set({ name })} error={err('name')} />
        <TextField
          id="hook-url"
          label="URL"
          value={d.url}
          onChange={(url) => set({ url })}
          error={err('url')}
          placeholder="https://ci.example.com/flightdeck"
          inputClassName="font-mono"
        />
      </div>
      {d.kind === 'event' ? (
        <fieldset>
          <legend className={LABEL_CLASS}>Events</legend>
          <div className="mb-2 flex flex-wrap gap-x-4 gap-y-1">
            {pattern('*', '* (everything)')}
            {namespacesOf(names).map((ns) => pattern(`${ns}:*`, `${ns}:*`))}
          </div>
          <div className="grid gap-x-4 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
            {catalogue.map((c) => pattern(c.name, c.name, c.description))}
          </div>
          <FieldError message={err('patterns')} />
        </fieldset>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <FormField
              label="Time limit (seconds)"
              htmlFor="hook-timeout"
              error={(tried ? problem : null) ?? err('timeoutMs')}
            >
              <input
                id="hook-timeout"
                inputMode="decimal"
                value={d.timeoutText}
                onChange={(e) => set({ timeoutText: e.target.value })}
                placeholder={String(DEFAULT_TIMEOUT_S['pre-assignment'])}
                className={INPUT_CLASS}
                aria-invalid={!!((tried && problem) || err('timeoutMs')) || undefined}
              />
            </FormField>
            <p className="mt-0.5 text-[11px] text-slate-500 dark:text-slate-400">
              At most 10 s; asked in parallel for a dispatch pass’s assignments.
            </p>
          </div>
          <fieldset>
            <legend className={LABEL_CLASS}>When it times out, errs or answers nonsense</legend>
            <div className="space-y-1 text-sm">
              <label className="flex items-center gap-2">
                <input
                  type="radio"
                  name="hook-fail"
                  checked={d.failMode === 'open'}
                  onChange={() => set({ failMode: 'open' })}
                />
                Fail open: assign anyway
              </label>
              <label className="flex items-center gap-2">
                <input
                  type="radio"
                  name="hook-fail"
                  checked={d.failMode === 'closed'}
                  onChange={() => set({ failMode: 'closed' })}
                />
                Fail closed: hold the task, as a veto would
              </label>
            </div>
          </fieldset>
        </div>
      )}
      {!headed && <FormError message={server.form} />}
      <FormButtons submitLabel="Create hook" busy={busy} onCancel={onCancel} />
    </form>
  );
}
