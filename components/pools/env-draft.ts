import type { DraftErrors } from './draft-numbers';

/**
 * One environment variable of a pool's provider settings in the edit form. Saved values are
 * never sent to the browser: a saved row is kept, replaced or removed, a new one is typed in full.
 */
export interface EnvRow {
  key: number;
  name: string;
  /** Saved on the server (then `set` says whether it has a value). */
  saved: boolean;
  set: boolean;
  action: 'keep' | 'replace' | 'remove';
  value: string;
}

/** What the server sends for one variable: never the value. */
type SavedState = { set?: boolean };

/** The rows for the variables saved in `settings.env` (answers show each as `{set}`). */
export function envRowsOf(settings: Record<string, unknown>): EnvRow[] {
  const env = (settings.env ?? {}) as Record<string, SavedState>;
  return Object.entries(env).map(([name, state], i) => ({
    key: i,
    name,
    saved: true,
    set: !!state?.set,
    action: 'keep',
    value: '',
  }));
}

export function newEnvRow(rows: readonly EnvRow[]): EnvRow {
  return {
    key: Math.max(-1, ...rows.map((r) => r.key)) + 1,
    name: '',
    saved: false,
    set: false,
    action: 'replace',
    value: '',
  };
}

/** Whether anything is to be sent: a replaced, removed or added variable. */
export const envChanged = (rows: readonly EnvRow[]) => rows.some((r) => !r.saved || r.action !== 'keep');

/**
 * The `env` to send: kept values as `{"unchanged": true}`, replaced and new ones as typed, removed
 * ones left out. Names that are empty or taken twice, and replacements left empty, go to `errors`.
 */
export function readEnv(rows: readonly EnvRow[], errors: DraftErrors): Record<string, string | { unchanged: true }> {
  const env: Record<string, string | { unchanged: true }> = {};
  for (const r of rows) {
    if (r.action === 'remove') continue;
    const name = r.name.trim();
    const key = `providerSettings.env.${name || `#${r.key}`}`;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      errors[key] ??= 'a name of letters, digits and _ (not starting with a digit)';
    else if (name in env) errors[key] ??= 'this name is already listed';
    else if (r.action === 'replace' && r.value === '')
      errors[key] ??= r.saved ? 'type the new value, or cancel' : 'type a value';
    env[name] = r.action === 'keep' ? { unchanged: true } : r.value;
  }
  return env;
}

/** The provider settings to send: as saved, with `env` replaced (the server keeps values marked unchanged). */
export function settingsWithEnv(
  settings: Record<string, unknown>,
  env: Record<string, unknown>,
): Record<string, unknown> {
  return { ...settings, env };
}
