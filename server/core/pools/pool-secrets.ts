import { invalid } from '../errors';

/** Settings holding name → secret maps (API keys for the agent CLIs): write-only once saved. */
const SECRET_MAPS = ['env'] as const;

/** How an answer shows one secret: whether it has a value, never the value. */
export interface SecretState {
  set: boolean;
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Sent in place of a value: keep the stored one. */
const isUnchanged = (v: unknown) => isMap(v) && v.unchanged === true && Object.keys(v).length === 1;

/** The settings as answers show them: each secret as `{set: true|false}`. */
export function maskSecrets(settings: Record<string, unknown>): Record<string, unknown> {
  const out = { ...settings };
  for (const key of SECRET_MAPS) {
    const map = settings[key];
    if (!isMap(map)) continue;
    out[key] = Object.fromEntries(
      Object.entries(map).map(([name, v]): [string, SecretState] => [name, { set: typeof v === 'string' && v !== '' }]),
    );
  }
  return out;
}

/**
 * The settings to store when `sent` replaces `stored` (null: nothing to keep). A secret map not
 * sent keeps its stored values; within one that is sent, `{"unchanged": true}` keeps that value
 * and a name left out is removed.
 */
export function resolveSecrets(
  sent: Record<string, unknown>,
  stored: Record<string, unknown> | null,
): Record<string, unknown> {
  const out = { ...sent };
  for (const key of SECRET_MAPS) {
    const kept = isMap(stored?.[key]) ? (stored[key] as Record<string, unknown>) : {};
    if (sent[key] === undefined) {
      if (stored?.[key] !== undefined) out[key] = stored[key];
      continue;
    }
    const map = sent[key];
    if (!isMap(map)) continue;
    out[key] = Object.fromEntries(
      Object.entries(map).map(([name, v]) => {
        if (!isUnchanged(v)) return [name, v];
        if (!(name in kept))
          throw invalid(`providerSettings: ${key}.${name}: no value is saved to keep, send the value`);
        return [name, kept[name]];
      }),
    );
  }
  return out;
}
