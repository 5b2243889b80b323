'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ButtonSpinner } from '@/components/balancing/button-spinner';
import { useTRPC } from '@/components/trpc/client';
import { Button } from '@/components/ui/button';
import { errorToast } from '@/components/ui/action-toast';
import { useToast } from '@/components/ui/toast';
import { envChanged, envRowsOf, readEnv, settingsWithEnv, type EnvRow } from './env-draft';
import { EnvFields } from './env-fields';
import { SCALING_KEYS } from './pool-draft';
import { poolFieldErrors } from './pool-field-errors';
import { changedScaling, readScaling, scalingDraftOf, type ScalingDraft, type ScalingInput } from './scaling-draft';
import { ScalingFields } from './scaling-fields';
import type { PoolRow } from './types';

const LABELS: Record<string, string> = {
  minSize: 'min size',
  maxSize: 'max size',
  targetBacklogPerAgent: 'target backlog',
  scaleUpCooldownMs: 'scale-up cool-down',
  scaleDownCooldownMs: 'scale-down cool-down',
  idleTimeoutMs: 'idle timeout',
  sleepWindows: 'sleep windows',
  timeZone: 'time zone',
  enabled: 'enabled',
  providerSettings: 'environment',
};

/**
 * Changes how the pool scales and, for process and Docker pools, its agents' environment. Only
 * the fields changed are sent (the server keeps the rest); the autoscaler applies them on its next tick.
 */
export function PoolEditForm({ pool, onDone }: { pool: PoolRow; onDone: () => void }) {
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<ScalingDraft>(() => scalingDraftOf(pool));
  const [env, setEnv] = useState<EnvRow[]>(() => envRowsOf(pool.providerSettings));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const hasEnv = pool.provider === 'process' || pool.provider === 'docker';
  const update = useMutation(
    trpc.pools.update.mutationOptions({
      onSuccess: (_pool, input) => {
        void queryClient.invalidateQueries(trpc.pools.pathFilter());
        const fields = Object.keys(input)
          .filter((k) => k !== 'id')
          .map((k) => LABELS[k] ?? k)
          .join(', ');
        toast({
          title: `Pool ${pool.name} saved: ${fields}`,
          description: 'The autoscaler applies it on its next tick; the change is in the scale decisions.',
        });
        onDone();
      },
      onError: (err) => toast(errorToast(`Could not save pool ${pool.name}`, err)),
    }),
  );
  const envKeys = env.map((r) => `providerSettings.env.${r.name.trim() || `#${r.key}`}`);
  const server = poolFieldErrors(update.error, [...SCALING_KEYS, ...envKeys]);
  const errors = { ...server.fields, ...localErrors };
  const edited = () => {
    if (update.error) update.reset();
    setLocalErrors({});
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const invalid: Record<string, string> = {};
    const patch: ScalingInput & { providerSettings?: Record<string, unknown> } = changedScaling(
      pool,
      readScaling(draft, invalid),
    );
    if (hasEnv && envChanged(env))
      patch.providerSettings = settingsWithEnv(pool.providerSettings, readEnv(env, invalid));
    setLocalErrors(invalid);
    if (Object.keys(invalid).length) return;
    if (!Object.keys(patch).length) {
      toast({ title: `Pool ${pool.name}: nothing changed`, kind: 'info' });
      return onDone();
    }
    update.mutate({ id: pool.id, ...patch });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Edit pool" className="space-y-4">
      <ScalingFields
        value={draft}
        errors={errors}
        disabled={update.isPending}
        onChange={(next) => {
          edited();
          setDraft(next);
        }}
      />
      {hasEnv && (
        <EnvFields
          rows={env}
          errors={errors}
          disabled={update.isPending}
          onChange={(next) => {
            edited();
            setEnv(next);
          }}
        />
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" variant="primary" disabled={update.isPending}>
          {update.isPending ? (
            <>
              <ButtonSpinner />
              Saving…
            </>
          ) : (
            'Save'
          )}
        </Button>
        <Button variant="ghost" onClick={onDone} disabled={update.isPending}>
          Cancel
        </Button>
        {server.form && (
          <p role="alert" className="w-full text-sm text-red-600 dark:text-red-400" data-testid="pool-form-error">
            {server.form}
          </p>
        )}
      </div>
    </form>
  );
}
