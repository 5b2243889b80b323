'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { AlertsTabs } from '@/components/alerts/alerts-tabs';
import { RuleForm } from '@/components/alerts/rule-form';
import { RulesTable } from '@/components/alerts/rules-table';
import { useTRPC } from '@/components/trpc/client';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { FormToggle } from '@/components/ui/form-toggle';
import { PageHeader } from '@/components/ui/page-header';
import { TableSkeleton } from '@/components/ui/table-skeleton';

export function RulesView({ canConfigure }: { canConfigure: boolean }) {
  const trpc = useTRPC();
  const rules = useQuery(trpc.alerts.rules.list.queryOptions());
  const [showForm, setShowForm] = useState(false);
  const list = rules.data
    ? [...rules.data.rules].sort((a, b) => Number(b.builtin) - Number(a.builtin) || a.name.localeCompare(b.name))
    : [];
  return (
    <>
      <PageHeader
        title="Alerts"
        description="Rules watch the fleet's metrics; one holding for its “for” duration fires an alert per set of labels."
        actions={
          canConfigure && (
            <FormToggle open={showForm} onToggle={() => setShowForm((v) => !v)}>
              New rule
            </FormToggle>
          )
        }
      />
      <AlertsTabs />
      {showForm && (
        <Card title="New rule" className="mb-4" description="Over the same metrics as the built-in rules.">
          {rules.data ? (
            <RuleForm metrics={rules.data.metrics} onDone={() => setShowForm(false)} />
          ) : (
            <TableSkeleton rows={3} />
          )}
        </Card>
      )}
      {rules.error ? (
        <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />
      ) : !rules.data ? (
        <TableSkeleton rows={8} />
      ) : (
        <Card bodyClassName="">
          <RulesTable rules={list} canConfigure={canConfigure} />
        </Card>
      )}
    </>
  );
}
