import { describe, expect, it } from 'vitest';
import { maskSecrets, resolveSecrets } from './pool-secrets';

describe('pool secrets', () => {
  it('answers show each env name as set or not set, never the value', () => {
    expect(maskSecrets({ command: 'echo', env: { API_KEY: 'sk-1', EMPTY: '' } })).toEqual({
      command: 'echo',
      env: { API_KEY: { set: true }, EMPTY: { set: false } },
    });
    expect(maskSecrets({ latencyMs: { min: 1, max: 2 } })).toEqual({ latencyMs: { min: 1, max: 2 } });
  });

  it('settings sent replace the stored ones, but env is kept unless sent, and a value marked unchanged is kept', () => {
    const stored = { command: 'old', env: { API_KEY: 'sk-1', OTHER: 'o' } };
    expect(resolveSecrets({ command: 'new' }, stored)).toEqual({
      command: 'new',
      env: { API_KEY: 'sk-1', OTHER: 'o' },
    });
    expect(resolveSecrets({ env: { API_KEY: { unchanged: true }, ADDED: 'a' } }, stored)).toEqual({
      env: { API_KEY: 'sk-1', ADDED: 'a' },
    });
    expect(resolveSecrets({ env: {} }, stored)).toEqual({ env: {} });
    expect(resolveSecrets({ command: 'x' }, null)).toEqual({ command: 'x' });
    expect(() => resolveSecrets({ env: { NEW: { unchanged: true } } }, stored)).toThrow(
      /^providerSettings: env\.NEW: no value is saved to keep/,
    );
    expect(() => resolveSecrets({ env: { API_KEY: { unchanged: true } } }, null)).toThrow(
      /providerSettings: env\.API_KEY/,
    );
    // Anything else is left for the provider's own validation to refuse.
    expect(resolveSecrets({ env: { API_KEY: { set: true } } }, stored)).toEqual({ env: { API_KEY: { set: true } } });
  });
});
