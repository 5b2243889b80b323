'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { AlertsTabs } from '@/components/alerts/alerts-tabs';
import { SilenceForm } from '@/components/alerts/silence-form';
import { SilencesTable } from '@/components/alerts/silences-table';
import { useTRPC } from '@/components/trpc/client';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { FormToggle } from '@/components/ui/form-toggle';
import { PageHeader } from '@/components/ui/page-header';
import { TableSkeleton } from '@/components/ui/table-skeleton';

export function SilencesView({ canOperate }: { canOperate: boolean }) {
  const trpc = useTRPC();
  const silences = useQuery(trpc.alerts.silences.queryOptions({ includeExpired: true }));
  const [showForm, setShowForm] = useState(false);
  return (
    <>
      <PageHeader
        title="Alerts"
        description="Silences mute the notifications of the alerts they match, for a while; the alerts stay visible here, marked."
        actions={
          canOperate && (
            <FormToggle open={showForm} onToggle={() => setShowForm((v) => !v)}>
              New silence
            </FormToggle>
          )
        }
      />
      <AlertsTabs />
      {showForm && (
        <Card
          title="New silence"
          className="mb-4"
          description="Every matcher must match an alert's labels (=, !=, =~ regex, !~)."
        >
          <SilenceForm initialMatchers={[{ name: '', op: '=', value: '' }]} onDone={() => setShowForm(false)} />
        </Card>
      )}
      {silences.error ? (
        <ErrorState error={silences.error} onRetry={() => void silences.refetch()} />
      ) : !silences.data ? (
        <TableSkeleton rows={3} />
      ) : !silences.data.length ? (
        <EmptyState title="No silences">
          Silence an alert from its page (its labels are filled in), or make one here for planned work.
        </EmptyState>
      ) : (
        <Card bodyClassName="">
          <SilencesTable silences={silences.data} canOperate={canOperate} />
        </Card>
      )}
    </>
  );
}
