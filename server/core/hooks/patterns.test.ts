import { describe, expect, it } from 'vitest';
import { isCoreError } from '../errors';
import { matchesAny, matchesPattern, validatePatterns } from './patterns';

describe('hook patterns', () => {
  it('matches exact names, a namespace and everything', () => {
    expect(matchesPattern('task:failed', 'task:failed')).toBe(true);
    expect(matchesPattern('task:failed', 'task:failed-x')).toBe(false);
    expect(matchesPattern('task:*', 'task:dead-lettered')).toBe(true);
    expect(matchesPattern('task:*', 'agent:registered')).toBe(false);
    expect(matchesPattern('*', 'leader:changed')).toBe(true);
    expect(matchesAny(['alert:firing', 'breaker:*'], 'breaker:closed')).toBe(true);
  });

  it('refuses a pattern that matches no catalogue event, naming the entry', () => {
    expect(validatePatterns(['task:*', 'task:*', 'alert:firing'])).toEqual(['task:*', 'alert:firing']);
    for (const [patterns, field] of [
      [['task:*', 'task:exploded'], 'patterns[1]'],
      [['nope:*'], 'patterns[0]'],
      [[], 'patterns'],
    ] as const) {
      try {
        validatePatterns(patterns);
        expect.unreachable();
      } catch (e) {
        expect(isCoreError(e) && e.code).toBe('INVALID');
        expect((e as Error).message.startsWith(`${field}:`)).toBe(true);
      }
    }
  });
});
