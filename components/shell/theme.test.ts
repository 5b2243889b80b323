import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { parseThemePreference, THEME_SCRIPT, THEME_STORAGE_KEY } from './theme';

/** A page with just what the inline script touches: storage, the OS's colour scheme, <html>'s classes. */
function fakePage(stored: string | null, osDark: boolean, storageThrows = false) {
  const classes = new Set<string>();
  const listeners: Record<string, ((e: { key: string }) => void)[]> = {};
  const mediaListeners: (() => void)[] = [];
  const media = { matches: osDark, addEventListener: (_: string, fn: () => void) => mediaListeners.push(fn) };
  const store = new Map<string, string>(stored === null ? [] : [[THEME_STORAGE_KEY, stored]]);
  const window = {
    localStorage: {
      getItem: (k: string) => {
        if (storageThrows) throw new Error('SecurityError');
        return store.get(k) ?? null;
      },
    },
    matchMedia: () => media,
    addEventListener: (type: string, fn: (e: { key: string }) => void) => (listeners[type] ??= []).push(fn),
  };
  const document = {
    documentElement: { classList: { toggle: (c: string, on: boolean) => (on ? classes.add(c) : classes.delete(c)) } },
  };
  runInNewContext(THEME_SCRIPT, { window, document });
  return {
    dark: () => classes.has('dark'),
    osTurns: (dark: boolean) => {
      media.matches = dark;
      mediaListeners.forEach((fn) => fn());
    },
    otherTabStores: (value: string | null) => {
      if (value === null) store.delete(THEME_STORAGE_KEY);
      else store.set(THEME_STORAGE_KEY, value);
      listeners.storage?.forEach((fn) => fn({ key: THEME_STORAGE_KEY }));
    },
  };
}

describe('the inline theme script', () => {
  it('follows the OS when nothing is stored, and keeps following it', () => {
    const page = fakePage(null, true);
    expect(page.dark()).toBe(true);
    page.osTurns(false);
    expect(page.dark()).toBe(false);
  });

  it('holds a stored light or dark choice whatever the OS says', () => {
    const light = fakePage('light', true);
    expect(light.dark()).toBe(false);
    light.osTurns(true);
    expect(light.dark()).toBe(false);
    const dark = fakePage('dark', false);
    expect(dark.dark()).toBe(true);
    dark.osTurns(false);
    expect(dark.dark()).toBe(true);
  });

  it('applies a choice made in another tab', () => {
    const page = fakePage(null, false);
    page.otherTabStores('dark');
    expect(page.dark()).toBe(true);
    page.otherTabStores(null);
    expect(page.dark()).toBe(false);
  });

  it('treats an unknown stored value, or blocked storage, as "system"', () => {
    expect(fakePage('purple', true).dark()).toBe(true);
    expect(fakePage('dark', false, true).dark()).toBe(false);
    expect(parseThemePreference('purple')).toBe('system');
    expect(parseThemePreference(null)).toBe('system');
    expect(parseThemePreference('dark')).toBe('dark');
  });
});
