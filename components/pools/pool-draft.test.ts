import { describe, expect, it } from 'vitest';
import { newPoolDraft, readPoolDraft } from './pool-draft';

describe('readPoolDraft', () => {
  it('sends seconds as milliseconds, lists split, and only the chosen provider settings', () => {
    const draft = {
      ...newPoolDraft('process'),
      name: ' py ',
      capabilities: 'python, tests,',
      sleepWindows: 'Mon-Fri 22:00-06:00\n\n daily 01:00-05:00 ',
    };
    draft.settings = { ...draft.settings, command: 'echo hi', image: 'ignored' };
    const { input, errors } = readPoolDraft(draft);
    expect(errors).toEqual({});
    expect(input).toMatchObject({
      name: 'py',
      capabilities: ['python', 'tests'],
      provider: 'process',
      adapter: 'shell',
      agentConcurrency: 1,
      providerSettings: { command: 'echo hi' },
      minSize: 0,
      maxSize: 5,
      scaleUpCooldownMs: 10_000,
      idleTimeoutMs: 60_000,
      sleepWindows: ['Mon-Fri 22:00-06:00', 'daily 01:00-05:00'],
      enabled: true,
    });
  });

  it('leaves empty numbers to the server and names the ones that are not numbers', () => {
    const draft = { ...newPoolDraft('simulated'), maxSize: '', scaleDownCooldownS: 'soon' };
    draft.settings = { ...draft.settings, latencyMin: '200', failureRate: 'x' };
    const { input, errors } = readPoolDraft(draft);
    expect(input.maxSize).toBeUndefined();
    expect(input.providerSettings).toEqual({ latencyMs: { min: 200, max: 200 } });
    expect(errors).toEqual({
      scaleDownCooldownMs: 'must be a number',
      'providerSettings.failureRate': 'must be a number',
    });
  });
});
