'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { NewSecret } from '@/components/channels/secret-once';
import { CatalogueList } from '@/components/hooks/catalogue-list';
import { EMPTY_HOOK_DRAFT } from '@/components/hooks/hook-draft';
import { HookForm } from '@/components/hooks/hook-form';
import { HooksTable } from '@/components/hooks/hooks-table';
import { useTRPC } from '@/components/trpc/client';
import { errorToast } from '@/components/ui/action-toast';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { FormToggle } from '@/components/ui/form-toggle';
import { PageHeader } from '@/components/ui/page-header';
import { Spinner } from '@/components/ui/spinner';
import { TableSkeleton } from '@/components/ui/table-skeleton';
import { useToast } from '@/components/ui/toast';

export function HooksView({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const hooks = useQuery(trpc.hooks.list.queryOptions());
  const catalogue = useQuery(trpc.hooks.catalogue.queryOptions());
  const [showForm, setShowForm] = useState(false);
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const create = useMutation(
    trpc.hooks.create.mutationOptions({
      onSuccess: ({ hook, secret }) => {
        void queryClient.invalidateQueries(trpc.hooks.pathFilter());
        setShowForm(false);
        setSecret({ name: hook.name, secret });
        toast({
          title: `Hook ${hook.name} created`,
          description:
            hook.kind === 'event' ? 'Matching events are sent from now on.' : 'Every assignment asks it from now on.',
        });
      },
      onError: (err) => toast(errorToast('Could not create the hook', err)),
    }),
  );
  const all = hooks.data ?? [];
  const sections = [
    {
      kind: 'event',
      title: 'Event subscriptions',
      description:
        'Lifecycle events, signed, in order per task, agent or alert; a failing receiver holds back only that subject.',
    },
    {
      kind: 'pre-assignment',
      title: 'Pre-assignment hooks',
      description:
        'Asked before each assignment: they may veto it (the task waits with a backoff) or amend its labels, priority and note.',
    },
  ] as const;

  return (
    <>
      <PageHeader
        title="Hooks"
        description="Webhooks for the fleet's lifecycle events, and hooks that review assignments before they are made."
        actions={
          canManage && (
            <FormToggle open={showForm} onToggle={() => setShowForm((v) => !v)}>
              New hook
            </FormToggle>
          )
        }
      />
      {secret && <NewSecret title={`Hook ${secret.name}`} secret={secret.secret} onDismiss={() => setSecret(null)} />}
      {showForm && (
        <Card title="New hook" className="mb-4">
          {catalogue.data ? (
            <HookForm
              initial={EMPTY_HOOK_DRAFT}
              catalogue={catalogue.data}
              busy={create.isPending}
              error={create.error}
              onSubmit={(input) => create.mutate(input)}
              onCancel={() => setShowForm(false)}
            />
          ) : (
            <Spinner />
          )}
        </Card>
      )}
      {hooks.error ? (
        <ErrorState error={hooks.error} onRetry={() => void hooks.refetch()} />
      ) : !hooks.data ? (
        <TableSkeleton rows={3} />
      ) : (
        <div className="space-y-4">
          {sections.map((s) => {
            const rows = all.filter((h) => h.kind === s.kind);
            return (
              <Card key={s.kind} title={s.title} description={s.description} bodyClassName={rows.length ? '' : 'p-4'}>
                {rows.length ? (
                  <HooksTable hooks={rows} canManage={canManage} />
                ) : (
                  <EmptyState title={s.kind === 'event' ? 'No subscriptions' : 'No pre-assignment hook'}>
                    {s.kind === 'event'
                      ? 'Subscribe a URL to events from the catalogue below.'
                      : 'Assignments are made without asking anyone.'}
                  </EmptyState>
                )}
              </Card>
            );
          })}
          <Card
            title="Event catalogue"
            description="What subscriptions can receive; open an event for an example body."
            bodyClassName=""
          >
            {catalogue.error ? (
              <div className="p-4">
                <ErrorState error={catalogue.error} onRetry={() => void catalogue.refetch()} />
              </div>
            ) : !catalogue.data ? (
              <TableSkeleton rows={6} />
            ) : (
              <CatalogueList entries={catalogue.data} />
            )}
          </Card>
        </div>
      )}
    </>
  );
}
