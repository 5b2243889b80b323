'use client';

import { INPUT_CLASS } from '@/components/balancing/form-styles';
import type { PoolDraft } from './pool-draft';
import { PoolInputField } from './pool-input-field';
import { ADAPTERS, AGENT_ADAPTERS, PROVIDER_KINDS, type AdapterName, type ProviderKind } from './types';

interface PoolIdentityFieldsProps {
  value: PoolDraft;
  onChange: (patch: Partial<PoolDraft>) => void;
  errors: Record<string, string>;
  /** Provider kinds this server can start agents with; the others are listed but disabled. */
  available: readonly string[];
}

const ADAPTER_HELP: Record<AdapterName, string> = {
  shell: 'runs the command template for each task',
  claude: 'Claude Code CLI',
  gemini: 'Gemini CLI',
  codex: 'Codex CLI',
  aider: 'Aider',
};

const PROVIDER_HELP: Record<ProviderKind, string> = {
  simulated: 'fake agents inside the server, for trying things out',
  process: 'a worker process per agent on this host',
  docker: 'a container per agent',
};

const SELECT_LABEL = 'mb-1 block text-xs font-medium text-slate-700 dark:text-slate-200';
const NOTE = 'mt-0.5 text-[11px] leading-snug text-slate-500 dark:text-slate-400';
const ERROR = 'mt-0.5 text-xs text-red-600 dark:text-red-400';

/** Name, capabilities, provider, adapter and per-agent concurrency: what a pool is. */
export function PoolIdentityFields({ value: v, onChange, errors, available }: PoolIdentityFieldsProps) {
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      <PoolInputField
        label="Name"
        name="name"
        value={v.name}
        onChange={(name) => onChange({ name })}
        error={errors.name}
        placeholder="python-workers"
        help="Lowercase letters, digits and -; agents are named after it."
      />
      <PoolInputField
        label="Capabilities"
        name="capabilities"
        value={v.capabilities}
        onChange={(capabilities) => onChange({ capabilities })}
        error={errors.capabilities}
        placeholder="python, tests"
        className="lg:col-span-2"
        help="Comma-separated. The backlog is the queued tasks these agents could run; at least one."
      />
      <div className="min-w-0 text-sm">
        <label htmlFor="pool-provider" className={SELECT_LABEL}>
          Provider
        </label>
        <select
          id="pool-provider"
          name="provider"
          value={v.provider}
          aria-invalid={!!errors.provider || undefined}
          onChange={(e) => onChange({ provider: e.target.value as ProviderKind })}
          className={INPUT_CLASS}
        >
          {PROVIDER_KINDS.map((p) => (
            <option key={p} value={p} disabled={!available.includes(p)}>
              {p}
              {available.includes(p) ? '' : ' (not available here)'}
            </option>
          ))}
        </select>
        {errors.provider ? (
          <p role="alert" className={ERROR}>
            {errors.provider}
          </p>
        ) : (
          <p className={NOTE}>How agents are started: {PROVIDER_HELP[v.provider]}.</p>
        )}
      </div>
      <div className="min-w-0 text-sm">
        <label htmlFor="pool-adapter" className={SELECT_LABEL}>
          Adapter
        </label>
        <select
          id="pool-adapter"
          name="adapter"
          value={v.adapter}
          aria-invalid={!!errors.adapter || undefined}
          onChange={(e) => onChange({ adapter: e.target.value as AdapterName })}
          className={INPUT_CLASS}
        >
          {ADAPTERS.map((a) => (
            <option key={a} value={a}>
              {AGENT_ADAPTERS[a].label} ({a})
            </option>
          ))}
        </select>
        {errors.adapter ? (
          <p role="alert" className={ERROR}>
            {errors.adapter}
          </p>
        ) : (
          <p className={NOTE}>The coding CLI each agent drives: {ADAPTER_HELP[v.adapter]}.</p>
        )}
      </div>
      <PoolInputField
        label="Tasks per agent"
        name="agentConcurrency"
        numeric
        value={v.agentConcurrency}
        onChange={(agentConcurrency) => onChange({ agentConcurrency })}
        error={errors.agentConcurrency}
        help="How many tasks each agent runs at once (1–64)."
      />
    </div>
  );
}
