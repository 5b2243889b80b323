'use client';

import { PoolInputField } from './pool-input-field';
import type { ProviderSettingsDraft } from './provider-settings-draft';
import type { ProviderKind } from './types';

interface ProviderSettingsFieldsProps {
  provider: ProviderKind;
  value: ProviderSettingsDraft;
  onChange: (next: ProviderSettingsDraft) => void;
  /** Messages keyed `providerSettings.<setting>`. */
  errors: Record<string, string>;
}

const COMMAND_HELP = 'For the shell adapter: the command each task runs, e.g. “echo {{title}}”.';

/** The few settings each provider needs; empty ones take the provider's defaults. */
export function ProviderSettingsFields({ provider, value: v, onChange, errors }: ProviderSettingsFieldsProps) {
  const set = (patch: Partial<ProviderSettingsDraft>) => onChange({ ...v, ...patch });
  const e = (key: string) => errors[`providerSettings.${key}`];
  return (
    <fieldset className="min-w-0" data-testid="provider-settings">
      <legend className="mb-2 text-sm font-medium">
        Provider settings <span className="font-normal text-slate-500">({provider})</span>
      </legend>
      {provider === 'process' && (
        <div className="grid gap-3 sm:grid-cols-2">
          <PoolInputField
            label="Command template"
            name="command"
            mono
            value={v.command}
            onChange={(command) => set({ command })}
            error={e('command')}
            placeholder="echo {{title}}"
            help={COMMAND_HELP}
          />
          <PoolInputField
            label="Working directory"
            name="workdir"
            mono
            value={v.workdir}
            onChange={(workdir) => set({ workdir })}
            error={e('workdir')}
            placeholder="/srv/agents"
            help="Where the worker runs; a fresh temp directory per agent when empty."
          />
        </div>
      )}
      {provider === 'docker' && (
        <div className="grid gap-3 sm:grid-cols-2">
          <PoolInputField
            label="Image"
            name="image"
            mono
            value={v.image}
            onChange={(image) => set({ image })}
            error={e('image')}
            placeholder="flightdeck/agent:1"
            help="The image each agent runs; it must already be on the Docker host."
          />
          <PoolInputField
            label="Command template"
            name="command"
            mono
            value={v.command}
            onChange={(command) => set({ command })}
            error={e('command')}
            placeholder="echo {{title}}"
            help={COMMAND_HELP}
          />
        </div>
      )}
      {provider === 'simulated' && (
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <PoolInputField
            label="Latency min"
            name="latencyMin"
            numeric
            unit="ms"
            value={v.latencyMin}
            onChange={(latencyMin) => set({ latencyMin })}
            error={e('latencyMs.min') ?? e('latencyMs')}
            placeholder="800"
            help="Shortest simulated task."
          />
          <PoolInputField
            label="Latency max"
            name="latencyMax"
            numeric
            unit="ms"
            value={v.latencyMax}
            onChange={(latencyMax) => set({ latencyMax })}
            error={e('latencyMs.max')}
            placeholder="3000"
            help="Longest simulated task."
          />
          <PoolInputField
            label="Failure rate"
            name="failureRate"
            numeric
            value={v.failureRate}
            onChange={(failureRate) => set({ failureRate })}
            error={e('failureRate')}
            placeholder="0.05"
            help="Share of tasks that fail, 0 to 1."
          />
          <PoolInputField
            label="Rate-limit rate"
            name="rateLimitRate"
            numeric
            value={v.rateLimitRate}
            onChange={(rateLimitRate) => set({ rateLimitRate })}
            error={e('rateLimitRate')}
            placeholder="0"
            help="Share of tasks that hit a rate limit (the agent parks), 0 to 1."
          />
        </div>
      )}
      {errors.providerSettings && (
        <p role="alert" className="mt-1 text-xs text-red-600 dark:text-red-400">
          {errors.providerSettings}
        </p>
      )}
    </fieldset>
  );
}
