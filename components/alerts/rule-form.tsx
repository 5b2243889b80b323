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
import { MatchersEditor } from './matchers-editor';
import { EMPTY_RULE_DRAFT, ruleInputFromDraft, type RuleDraft } from './rule-draft';
import { COMPARISONS, SEVERITIES } from './rule-options';
import type { MetricRow } from './types';
import { useAlertsChanged } from './use-alert-mutation';

const FIELD = 'min-w-0 text-sm';

/** An operator's rule over the metric catalogue: metric, filters, comparison, threshold, for, severity, labels, summary. */
export function RuleForm({ metrics, onDone }: { metrics: readonly MetricRow[]; onDone: () => void }) {
  const trpc = useTRPC();
  const toast = useToast();
  const changed = useAlertsChanged();
  const [d, setD] = useState<RuleDraft>(EMPTY_RULE_DRAFT);
  const set = (patch: Partial<RuleDraft>) => setD((x) => ({ ...x, ...patch }));
  const create = useMutation(
    trpc.alerts.rules.create.mutationOptions({
      onSuccess: (r) => {
        changed();
        toast({ title: `Rule “${r.name}” created`, description: 'The evaluator watches it from its next pass.' });
        onDone();
      },
      onError: (err) => toast(errorToast('Could not create the rule', err)),
    }),
  );
  const { problems, input } = ruleInputFromDraft(d);
  const [tried, setTried] = useState(false);
  const server = formErrors(create.error, [
    'name',
    'metric',
    'filters',
    'comparison',
    'threshold',
    'forMs',
    'severity',
    'labels',
    'summary',
  ]);
  const err = (key: keyof typeof problems | string) =>
    (tried ? (problems as Record<string, string>)[key] : undefined) ?? server.fields[key];
  const spec = metrics.find((m) => m.name === d.metric);

  return (
    <form
      data-testid="rule-form"
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (input) create.mutate(input);
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField className={FIELD} label="Name" htmlFor="rule-name" error={err('name')}>
          <input
            id="rule-name"
            value={d.name}
            onChange={(e) => set({ name: e.target.value })}
            className={INPUT_CLASS}
            autoComplete="off"
          />
        </FormField>
        <FormField
          className={FIELD}
          label="Metric"
          htmlFor="rule-metric"
          error={err('metric')}
          help={
            spec ? `${spec.description} (labels: ${spec.labels.join(', ') || 'none'}; unit: ${spec.unit})` : undefined
          }
        >
          <select
            id="rule-metric"
            value={d.metric}
            onChange={(e) => set({ metric: e.target.value })}
            className={INPUT_CLASS}
          >
            {metrics.map((m) => (
              <option key={m.name} value={m.name} title={m.description}>
                {m.name}
              </option>
            ))}
          </select>
        </FormField>
      </div>
      <MatchersEditor
        label="Filters"
        prefix="filters"
        matchers={d.filters}
        onChange={(filters) => set({ filters })}
        errors={server.fields}
        emptyMeans="every reading of the metric"
      />
      <div className="grid gap-4 sm:grid-cols-4">
        <FormField className={FIELD} label="Comparison" htmlFor="rule-comparison" error={err('comparison')}>
          <select
            id="rule-comparison"
            value={d.comparison}
            onChange={(e) => set({ comparison: e.target.value })}
            className={`${INPUT_CLASS} font-mono`}
          >
            {COMPARISONS.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </FormField>
        <FormField className={FIELD} label="Threshold" htmlFor="rule-threshold" error={err('threshold')}>
          <input
            id="rule-threshold"
            inputMode="decimal"
            value={d.threshold}
            onChange={(e) => set({ threshold: e.target.value })}
            className={`${INPUT_CLASS} tabular-nums`}
            autoComplete="off"
          />
        </FormField>
        <FormField
          className={FIELD}
          label="For"
          htmlFor="rule-for"
          error={err('forMs')}
          help="How long it must hold: 30s, 5m, 1h"
        >
          <input
            id="rule-for"
            value={d.forText}
            onChange={(e) => set({ forText: e.target.value })}
            className={INPUT_CLASS}
            autoComplete="off"
          />
        </FormField>
        <FormField className={FIELD} label="Severity" htmlFor="rule-severity" error={err('severity')}>
          <select
            id="rule-severity"
            value={d.severity}
            onChange={(e) => set({ severity: e.target.value })}
            className={INPUT_CLASS}
          >
            {SEVERITIES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </FormField>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          className={FIELD}
          label="Summary"
          htmlFor="rule-summary"
          error={err('summary')}
          help="Placeholders: {{value}} and {{labels.<name>}}"
        >
          <input
            id="rule-summary"
            value={d.summary}
            onChange={(e) => set({ summary: e.target.value })}
            className={INPUT_CLASS}
            autoComplete="off"
            placeholder="{{value}} tasks wait for {{labels.capability}}"
          />
        </FormField>
        <FormField
          className={FIELD}
          label="Labels"
          htmlFor="rule-labels"
          error={err('labels')}
          help="Added to each alert, one name=value per line (routing: team=gpu)"
        >
          <textarea
            id="rule-labels"
            rows={2}
            value={d.labelsText}
            onChange={(e) => set({ labelsText: e.target.value })}
            className={`${INPUT_CLASS} font-mono text-xs`}
          />
        </FormField>
      </div>
      <FormError message={server.form} />
      <FormButtons submitLabel="Create rule" busy={create.isPending} onCancel={onDone} />
    </form>
  );
}
