import { describe, expect, it } from 'vitest';
import { isTransientConflict, retryOnConflict } from './conflict-retry';

const deadlock = () =>
  Object.assign(new Error('Failed query', { cause: Object.assign(new Error('deadlock detected'), { code: '40P01' }) }));

describe('conflict retry', () => {
  it('runs a statement again after a deadlock, and gives up on anything else at once', async () => {
    expect(isTransientConflict(deadlock())).toBe(true);
    expect(isTransientConflict(Object.assign(new Error('unique'), { code: '23505' }))).toBe(false);
    let calls = 0;
    expect(
      await retryOnConflict(async () => {
        if (++calls < 3) throw deadlock();
        return 'done';
      }),
    ).toBe('done');
    expect(calls).toBe(3);
    let other = 0;
    await expect(
      retryOnConflict(async () => {
        other++;
        throw new Error('syntax');
      }),
    ).rejects.toThrow('syntax');
    expect(other).toBe(1);
    await expect(
      retryOnConflict(async () => {
        throw deadlock();
      }, 2),
    ).rejects.toThrow('Failed query');
  });
});
