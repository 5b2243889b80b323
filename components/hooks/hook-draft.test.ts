import { describe, expect, it } from 'vitest';
import { covered, EMPTY_HOOK_DRAFT, hookInputFromDraft, togglePattern } from './hook-draft';

describe('hook draft', () => {
  it('keeps the pattern list short: a namespace replaces its events, * replaces everything', () => {
    let p = togglePattern([], 'task:failed', true);
    p = togglePattern(p, 'alert:firing', true);
    expect(togglePattern(p, 'task:*', true)).toEqual(['alert:firing', 'task:*']);
    expect(togglePattern(p, '*', true)).toEqual(['*']);
    expect(togglePattern(p, 'task:failed', false)).toEqual(['alert:firing']);
    expect(covered(['task:*'], 'task:succeeded')).toBe(true);
    expect(covered(['task:*'], 'agent:registered')).toBe(false);
    expect(covered(['*'], 'leader:changed')).toBe(true);
  });

  it('sends patterns only for event hooks, a timeout only when given (seconds to ms)', () => {
    expect(
      hookInputFromDraft({ ...EMPTY_HOOK_DRAFT, name: ' ci ', url: 'http://x', patterns: ['task:*'] }).input,
    ).toEqual({
      kind: 'event',
      name: 'ci',
      url: 'http://x',
      patterns: ['task:*'],
      failMode: 'open',
    });
    const pre = hookInputFromDraft({
      ...EMPTY_HOOK_DRAFT,
      kind: 'pre-assignment',
      patterns: ['task:*'],
      timeoutText: '1.5',
      failMode: 'closed',
    });
    expect(pre.input).toMatchObject({ kind: 'pre-assignment', patterns: [], timeoutMs: 1500, failMode: 'closed' });
    expect(hookInputFromDraft({ ...EMPTY_HOOK_DRAFT, timeoutText: 'soon' }).problem).toBe('seconds, such as 2 or 0.5');
  });
});
