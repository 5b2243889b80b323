import { describe, expect, it } from 'vitest';
import { envChanged, envRowsOf, newEnvRow, readEnv, settingsWithEnv } from './env-draft';

describe('env draft', () => {
  const saved = { command: 'echo', env: { API_KEY: { set: true }, EMPTY: { set: false } } };

  it('keeps saved values without knowing them, sends replaced and new ones, leaves removed ones out', () => {
    const rows = envRowsOf(saved);
    expect(rows.map((r) => [r.name, r.set, r.action])).toEqual([
      ['API_KEY', true, 'keep'],
      ['EMPTY', false, 'keep'],
    ]);
    expect(envChanged(rows)).toBe(false);
    const edited = [
      { ...rows[0], action: 'replace' as const, value: 'sk-new' },
      { ...rows[1], action: 'remove' as const },
      { ...newEnvRow(rows), name: 'ADDED', value: 'a' },
    ];
    expect(envChanged(edited)).toBe(true);
    const errors = {};
    expect(readEnv(edited, errors)).toEqual({ API_KEY: 'sk-new', ADDED: 'a' });
    expect(errors).toEqual({});
    expect(readEnv(rows, {})).toEqual({ API_KEY: { unchanged: true }, EMPTY: { unchanged: true } });
    expect(settingsWithEnv(saved, { API_KEY: { unchanged: true } })).toEqual({
      command: 'echo',
      env: { API_KEY: { unchanged: true } },
    });
  });

  it('names the rows it cannot send', () => {
    const rows = envRowsOf(saved);
    const errors: Record<string, string> = {};
    readEnv(
      [
        { ...rows[0], action: 'replace', value: '' },
        { ...newEnvRow(rows), name: 'API_KEY', value: 'x' },
        { ...newEnvRow(rows), key: 9, name: '1BAD', value: 'x' },
      ],
      errors,
    );
    expect(errors).toEqual({
      'providerSettings.env.API_KEY': 'type the new value, or cancel',
      'providerSettings.env.1BAD': 'a name of letters, digits and _ (not starting with a digit)',
    });
  });
});
