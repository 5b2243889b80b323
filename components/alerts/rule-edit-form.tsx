'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { INPUT_CLASS } from '@/components/balancing/form-styles';
import { useTRPC } from '@/components/trpc/client';
import { errorToast } from '@/components/ui/action-toast';
import { FormButtons } from '@/components/ui/form-buttons';
import { FormError, FormField } from '@/components/ui/form-field';
import { useToast } from '@/components/ui/toast';
import { formErrors } from './form-errors';
import { formatDurationText, parseDuration } from './rule-draft';
import { SEVERITIES } from './rule-options';
import type { RuleRow } from './types';
import { useAlertsChanged } from './use-alert-mutation';

/** What an operator tunes on any rule, built-in or theirs: threshold, for, severity. */
export function RuleEditForm({ rule, onDone }: { rule: RuleRow; onDone: () => void }) {
  const trpc = useTRPC();
  const toast = useToast();
  const changed = useAlertsChanged();
  const [threshold, setThreshold] = useState(String(rule.threshold));
  const [forText, setForText] = useState(formatDurationText(rule.forMs));
  const [severity, setSeverity] = useState<string>(rule.severity);
  const update = useMutation(
    trpc.alerts.rules.update.mutationOptions({
      onSuccess: (r) => {
        changed();
        toast({
          title: `Rule “${r.name}” saved`,
          description: `Fires when ${r.comparison} ${r.threshold} for ${formatDurationText(r.forMs)}, as ${r.severity}.`,
        });
        onDone();
      },
      onError: (err) => toast(errorToast(`Could not save rule “${rule.name}”`, err)),
    }),
  );
  const t = threshold.trim() === '' ? NaN : Number(threshold);
  const forMs = parseDuration(forText);
  const server = formErrors(update.error, ['threshold', 'forMs', 'severity']);
  const local = {
    threshold: Number.isFinite(t) ? undefined : 'must be a number',
    forMs: forMs === null ? 'write a duration: 30s, 5m, 1h' : undefined,
  };
  const error = (k: 'threshold' | 'forMs' | 'severity') =>
    (k !== 'severity' ? local[k] : undefined) ?? server.fields[k];

  return (
    <form
      data-testid="rule-edit-form"
      className="flex flex-wrap items-start gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (!Number.isFinite(t) || forMs === null) return;
        update.mutate({ id: rule.id, threshold: t, forMs, severity: severity as RuleRow['severity'] });
      }}
    >
      <FormField
        className="w-32"
        label={`Threshold (${rule.comparison})`}
        htmlFor={`th-${rule.id}`}
        error={error('threshold')}
      >
        <input
          id={`th-${rule.id}`}
          inputMode="decimal"
          value={threshold}
          onChange={(e) => setThreshold(e.target.value)}
          aria-invalid={!!error('threshold') || undefined}
          className={`${INPUT_CLASS} tabular-nums`}
        />
      </FormField>
      <FormField className="w-28" label="For" htmlFor={`for-${rule.id}`} error={error('forMs')}>
        <input
          id={`for-${rule.id}`}
          value={forText}
          onChange={(e) => setForText(e.target.value)}
          aria-invalid={!!error('forMs') || undefined}
          className={INPUT_CLASS}
        />
      </FormField>
      <FormField className="w-32" label="Severity" htmlFor={`sev-${rule.id}`}>
        <select
          id={`sev-${rule.id}`}
          value={severity}
          onChange={(e) => setSeverity(e.target.value)}
          className={INPUT_CLASS}
        >
          {SEVERITIES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </FormField>
      <FormButtons className="flex gap-2 self-end" submitLabel="Save" busy={update.isPending} onCancel={onDone} />
      <FormError className="w-full" message={server.form} />
    </form>
  );
}
