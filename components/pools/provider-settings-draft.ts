import { readNumber, type DraftErrors } from './draft-numbers';
import type { ProviderKind } from './types';

/** Every provider's settings as typed; only the chosen provider's are sent. */
export interface ProviderSettingsDraft {
  /** process, docker: the shell adapter's command template. */
  command: string;
  /** process: the worker's working directory. */
  workdir: string;
  /** docker: the image the agents run. */
  image: string;
  /** simulated: how long a task takes (ms), and how often it fails or hits a rate limit (0..1). */
  latencyMin: string;
  latencyMax: string;
  failureRate: string;
  rateLimitRate: string;
}

export const EMPTY_PROVIDER_SETTINGS: ProviderSettingsDraft = {
  command: '',
  workdir: '',
  image: '',
  latencyMin: '',
  latencyMax: '',
  failureRate: '',
  rateLimitRate: '',
};

/** The field keys each provider's settings form shows, as the server names them in its errors. */
export const PROVIDER_SETTING_KEYS: Record<ProviderKind, string[]> = {
  process: ['providerSettings.command', 'providerSettings.workdir'],
  docker: ['providerSettings.image', 'providerSettings.command'],
  simulated: [
    'providerSettings.latencyMs',
    'providerSettings.latencyMs.min',
    'providerSettings.latencyMs.max',
    'providerSettings.failureRate',
    'providerSettings.rateLimitRate',
  ],
};

/** The chosen provider's settings; empty inputs are left out so the provider's defaults apply. */
export function readProviderSettings(
  provider: ProviderKind,
  d: ProviderSettingsDraft,
  errors: DraftErrors,
): Record<string, unknown> {
  const text = (v: string) => (v.trim() ? v.trim() : undefined);
  let settings: Record<string, unknown>;
  if (provider === 'process') settings = { command: text(d.command), workdir: text(d.workdir) };
  else if (provider === 'docker') settings = { image: text(d.image), command: text(d.command) };
  else {
    const min = readNumber(d.latencyMin, 'providerSettings.latencyMs.min', errors);
    const max = readNumber(d.latencyMax, 'providerSettings.latencyMs.max', errors);
    settings = {
      latencyMs: min === undefined && max === undefined ? undefined : { min: min ?? max, max: max ?? min },
      failureRate: readNumber(d.failureRate, 'providerSettings.failureRate', errors),
      rateLimitRate: readNumber(d.rateLimitRate, 'providerSettings.rateLimitRate', errors),
    };
  }
  return Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined));
}
