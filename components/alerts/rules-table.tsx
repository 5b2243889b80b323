'use client';

import { useMutation } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTRPC } from '@/components/trpc/client';
import { errorToast } from '@/components/ui/action-toast';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { DeleteButton } from '@/components/ui/delete-button';
import { PlainTable } from '@/components/ui/plain-table';
import { useToast } from '@/components/ui/toast';
import { formatMatchers } from './silence-matchers';
import { formatDurationText } from './rule-draft';
import { RuleEditForm } from './rule-edit-form';
import { SeverityBadge } from './severity-badge';
import type { RuleRow } from './types';
import { useAlertsChanged } from './use-alert-mutation';

/** "value > 10 for 5m" */
export const conditionText = (r: Pick<RuleRow, 'comparison' | 'threshold' | 'forMs'>) =>
  `${r.comparison} ${r.threshold} for ${formatDurationText(r.forMs)}`;

function RuleActions({ rule, onEdit }: { rule: RuleRow; onEdit: () => void }) {
  const trpc = useTRPC();
  const toast = useToast();
  const changed = useAlertsChanged();
  const update = useMutation(
    trpc.alerts.rules.update.mutationOptions({
      onSuccess: (r) => {
        changed();
        toast({
          title: `Rule “${r.name}” ${r.enabled ? 'enabled' : 'disabled'}`,
          description: r.enabled
            ? 'The evaluator watches it again.'
            : 'Its open alerts resolve on the next pass; it raises no new ones.',
        });
      },
      onError: (err) => toast(errorToast(`Could not change rule “${rule.name}”`, err)),
    }),
  );
  const remove = useMutation(
    trpc.alerts.rules.delete.mutationOptions({
      onSuccess: () => {
        changed();
        toast({ title: `Rule “${rule.name}” deleted` });
      },
      onError: (err) => toast(errorToast(`Could not delete rule “${rule.name}”`, err)),
    }),
  );
  return (
    <span className="inline-flex gap-1.5">
      <Button size="sm" variant="ghost" onClick={onEdit}>
        Edit
      </Button>
      <Button
        size="sm"
        variant="ghost"
        disabled={update.isPending}
        onClick={() => update.mutate({ id: rule.id, enabled: !rule.enabled })}
      >
        {rule.enabled ? 'Disable' : 'Enable'}
      </Button>
      {!rule.builtin && (
        <DeleteButton
          title={`Delete rule “${rule.name}”?`}
          body="Its open alerts resolve; the rule cannot be brought back."
          busy={remove.isPending}
          onDelete={() => remove.mutate({ id: rule.id })}
        />
      )}
    </span>
  );
}

/** Built-in rules first, then the operators' own; each editable in place. */
export function RulesTable({ rules, canConfigure }: { rules: RuleRow[]; canConfigure: boolean }) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <PlainTable
      label="Alert rules"
      testId="rules-table"
      minWidth="min-w-[820px]"
      headers={['Rule', 'Metric', 'Condition', 'Severity', 'State', '']}
    >
      {rules.map((r) => (
        <Fragment key={r.id}>
          <tr data-row-key={r.id} className={`align-top ${r.enabled ? '' : 'opacity-60'}`}>
            <td className="px-4 py-2.5">
              <span className="flex flex-wrap items-center gap-1.5 font-medium text-slate-900 dark:text-slate-100">
                {r.name}
                {r.builtin && <Badge tone="gray">built-in</Badge>}
              </span>
              <span className="block max-w-sm text-xs text-slate-500 dark:text-slate-400">{r.summary}</span>
            </td>
            <td className="px-4 py-2.5">
              <span className="font-mono text-xs">{r.metric}</span>
              {r.filters.length > 0 && (
                <span className="block font-mono text-[11px] text-slate-500">{formatMatchers(r.filters)}</span>
              )}
            </td>
            <td className="whitespace-nowrap px-4 py-2.5 font-mono text-xs" data-testid="rule-condition">
              {conditionText(r)}
            </td>
            <td className="px-4 py-2.5">
              <SeverityBadge severity={r.severity} />
            </td>
            <td className="px-4 py-2.5">
              <Badge tone={r.enabled ? 'green' : 'gray'} dot>
                {r.enabled ? 'enabled' : 'disabled'}
              </Badge>
            </td>
            <td className="whitespace-nowrap px-4 py-2.5 text-right">
              {canConfigure && <RuleActions rule={r} onEdit={() => setEditing(editing === r.id ? null : r.id)} />}
            </td>
          </tr>
          {editing === r.id && (
            <tr className="bg-slate-50/70 dark:bg-slate-800/30">
              <td colSpan={6} className="px-4 py-3">
                <RuleEditForm rule={r} onDone={() => setEditing(null)} />
              </td>
            </tr>
          )}
        </Fragment>
      ))}
    </PlainTable>
  );
}
