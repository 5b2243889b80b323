import { describe, expect, it } from 'vitest';
import { isTypingTarget, KeySequence, SEQUENCE_MS } from './key-sequence';
import { MAIN_PAGES } from './pages';

describe('keyboard shortcuts', () => {
  it('goes to each main page with g and its key', () => {
    const keys = new KeySequence();
    for (const page of MAIN_PAGES) {
      expect(keys.press('g', 0)).toBeNull();
      expect(keys.press(page.key, 100)).toEqual({ kind: 'go', href: page.href });
    }
    expect(MAIN_PAGES.map((p) => `g ${p.key}`).sort()).toEqual([
      'g a',
      'g b',
      'g d',
      'g h',
      'g l',
      'g o',
      'g p',
      'g t',
    ]);
  });

  it('forgets a g after the wait, and after another key', () => {
    const keys = new KeySequence();
    keys.press('g', 0);
    expect(keys.press('a', SEQUENCE_MS + 1)).toBeNull();
    keys.press('g', 5000);
    expect(keys.press('x', 5001)).toBeNull();
    expect(keys.press('a', 5002)).toBeNull();
    keys.press('g', 9000);
    keys.press('g', 9500);
    expect(keys.press('t', 9600)).toEqual({ kind: 'go', href: '/tasks' });
  });

  it('knows / and ?, and nothing else on its own', () => {
    const keys = new KeySequence();
    expect(keys.press('/', 0)).toEqual({ kind: 'search' });
    expect(keys.press('?', 1)).toEqual({ kind: 'help' });
    expect(keys.press('a', 2)).toBeNull();
    expect(keys.press('Enter', 3)).toBeNull();
  });

  it('leaves keys typed into fields alone', () => {
    const el = (match: string | null, isContentEditable = false) =>
      ({
        isContentEditable,
        closest: (s: string) => (match && s.includes(match) ? {} : null),
      }) as unknown as EventTarget;
    expect(isTypingTarget(el('input'))).toBe(true);
    expect(isTypingTarget(el('textarea'))).toBe(true);
    expect(isTypingTarget(el(null, true))).toBe(true);
    expect(isTypingTarget(el(null))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
