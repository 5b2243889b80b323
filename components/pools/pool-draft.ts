import { readNumber, splitList, type DraftErrors } from './draft-numbers';
import {
  EMPTY_PROVIDER_SETTINGS,
  PROVIDER_SETTING_KEYS,
  readProviderSettings,
  type ProviderSettingsDraft,
} from './provider-settings-draft';
import { readScaling, SCALING_DEFAULTS, type ScalingDraft, type ScalingInput } from './scaling-draft';
import type { AdapterName, ProviderKind } from './types';

/** The new-pool form as typed. */
export interface PoolDraft extends ScalingDraft {
  name: string;
  /** Comma-separated. */
  capabilities: string;
  provider: ProviderKind;
  adapter: AdapterName;
  agentConcurrency: string;
  settings: ProviderSettingsDraft;
}

export interface CreatePoolRequest extends ScalingInput {
  name: string;
  capabilities: string[];
  provider: ProviderKind;
  adapter: AdapterName;
  agentConcurrency?: number;
  providerSettings: Record<string, unknown>;
}

export const SCALING_KEYS = [
  'minSize',
  'maxSize',
  'targetBacklogPerAgent',
  'scaleUpCooldownMs',
  'scaleDownCooldownMs',
  'idleTimeoutMs',
  'sleepWindows',
  'timeZone',
  'enabled',
];

/** The field keys the new-pool form shows for `provider` (server errors on others go to the form). */
export const createFormKeys = (provider: ProviderKind) => [
  'name',
  'capabilities',
  'provider',
  'adapter',
  'agentConcurrency',
  'providerSettings',
  ...SCALING_KEYS,
  ...PROVIDER_SETTING_KEYS[provider],
];

export function newPoolDraft(provider: ProviderKind): PoolDraft {
  return {
    ...SCALING_DEFAULTS,
    name: '',
    capabilities: '',
    provider,
    adapter: 'shell',
    agentConcurrency: '1',
    settings: EMPTY_PROVIDER_SETTINGS,
  };
}

/** What to send to `pools.create`, or the inputs that are not numbers. The server checks the rest. */
export function readPoolDraft(d: PoolDraft): { input: CreatePoolRequest; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const agentConcurrency = readNumber(d.agentConcurrency, 'agentConcurrency', errors);
  const input: CreatePoolRequest = {
    name: d.name.trim(),
    capabilities: splitList(d.capabilities, /,/),
    provider: d.provider,
    adapter: d.adapter,
    ...(agentConcurrency === undefined ? {} : { agentConcurrency }),
    providerSettings: readProviderSettings(d.provider, d.settings, errors),
    ...readScaling(d, errors),
  };
  return { input, errors };
}
