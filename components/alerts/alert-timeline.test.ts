import { describe, expect, it } from 'vitest';
import { reasonAfterActor } from './alert-timeline';

const alice = { kind: 'user' as const, id: 'usr_alice', name: 'alice' };

describe('reasonAfterActor', () => {
  it('drops what the line already says (what and who), keeps the rest', () => {
    expect(reasonAfterActor({ kind: 'acknowledged', actor: alice, reason: 'acknowledged by alice' })).toBe('');
    expect(
      reasonAfterActor({
        kind: 'silenced',
        actor: alice,
        reason: 'silenced by alice until 2026-12-06T14:00:00Z: deploy',
      }),
    ).toBe('until 2026-12-06T14:00:00Z: deploy');
    expect(
      reasonAfterActor({
        kind: 'firing',
        actor: { kind: 'system', id: 'alert-evaluator', name: 'alert evaluator' },
        reason: 'unservable_queued is 1 (> 0) for 1 s',
      }),
    ).toBe('unservable_queued is 1 (> 0) for 1 s');
  });
});
