'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { ButtonSpinner } from '@/components/balancing/button-spinner';
import { useTRPC } from '@/components/trpc/client';
import { Button } from '@/components/ui/button';
import { errorToast } from '@/components/ui/action-toast';
import { useToast } from '@/components/ui/toast';
import { readEnv, type EnvRow } from './env-draft';
import { EnvFields } from './env-fields';
import { createFormKeys, newPoolDraft, readPoolDraft, type PoolDraft } from './pool-draft';
import { poolFieldErrors } from './pool-field-errors';
import { PoolIdentityFields } from './pool-identity-fields';
import { ProviderSettingsFields } from './provider-settings-fields';
import { ScalingFields } from './scaling-fields';
import { PROVIDER_KINDS, type ProviderKind } from './types';

interface NewPoolFormProps {
  /** Provider kinds this server has (`pools.providers`). */
  providers: readonly string[];
  onDone: () => void;
}

/** Creates a pool; on success it opens the pool's page. Every field has the server's default. */
export function NewPoolForm({ providers, onDone }: NewPoolFormProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const toast = useToast();
  const first = PROVIDER_KINDS.find((p) => providers.includes(p)) ?? 'simulated';
  const [draft, setDraft] = useState<PoolDraft>(() => newPoolDraft(first as ProviderKind));
  const [env, setEnv] = useState<EnvRow[]>([]);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const hasEnv = draft.provider === 'process' || draft.provider === 'docker';
  const create = useMutation(
    trpc.pools.create.mutationOptions({
      onSuccess: (pool) => {
        void queryClient.invalidateQueries(trpc.pools.list.pathFilter());
        toast({
          title: `Pool ${pool.name} created`,
          description: pool.enabled
            ? `The autoscaler keeps it between ${pool.minSize} and ${pool.maxSize} agents, sized to its backlog.`
            : 'It is disabled: the autoscaler leaves it alone until it is enabled.',
        });
        router.push(`/pools/${pool.id}`);
      },
      onError: (err, input) => toast(errorToast(`Could not create pool ${input.name}`, err)),
    }),
  );
  const server = poolFieldErrors(create.error, [
    ...createFormKeys(draft.provider),
    ...env.map((r) => `providerSettings.env.${r.name.trim() || `#${r.key}`}`),
  ]);
  const errors = { ...server.fields, ...localErrors };

  const edit = (patch: Partial<PoolDraft>) => {
    if (create.error) create.reset();
    setLocalErrors({});
    setDraft((d) => ({ ...d, ...patch }));
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const { input, errors: invalid } = readPoolDraft(draft);
    if (hasEnv && env.length) input.providerSettings.env = readEnv(env, invalid);
    setLocalErrors(invalid);
    if (Object.keys(invalid).length) return;
    create.mutate(input);
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label="New pool" className="space-y-5">
      <fieldset disabled={create.isPending} className="min-w-0 space-y-5">
        <PoolIdentityFields value={draft} onChange={edit} errors={errors} available={providers} />
        <ProviderSettingsFields
          provider={draft.provider}
          value={draft.settings}
          onChange={(settings) => edit({ settings })}
          errors={errors}
        />
        {hasEnv && (
          <EnvFields
            rows={env}
            errors={errors}
            onChange={(rows) => {
              edit({});
              setEnv(rows);
            }}
          />
        )}
        <ScalingFields value={draft} onChange={(scaling) => edit(scaling)} errors={errors} />
      </fieldset>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" variant="primary" disabled={create.isPending || create.isSuccess}>
          {create.isPending || create.isSuccess ? (
            <>
              <ButtonSpinner />
              Creating…
            </>
          ) : (
            'Create pool'
          )}
        </Button>
        <Button variant="ghost" onClick={onDone} disabled={create.isPending}>
          Cancel
        </Button>
        {server.form && (
          <p role="alert" className="w-full text-sm text-red-600 dark:text-red-400" data-testid="pool-form-error">
            {create.error?.data?.code && (
              <span className="mr-1.5 rounded bg-red-100 px-1.5 py-0.5 font-mono text-xs dark:bg-red-950">
                {create.error.data.code}
              </span>
            )}
            {server.form}
          </p>
        )}
      </div>
    </form>
  );
}
