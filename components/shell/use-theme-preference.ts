'use client';

import { useCallback, useSyncExternalStore } from 'react';
import { applyStoredTheme, parseThemePreference, THEME_STORAGE_KEY, type ThemePreference } from './theme';

const CHANGED = 'flightdeck-theme-changed';

function subscribe(onChange: () => void) {
  window.addEventListener('storage', onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

function read(): ThemePreference {
  try {
    return parseThemePreference(window.localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    return 'system';
  }
}

/** The operator's theme choice in this browser (localStorage), and a setter that applies it at once. */
export function useThemePreference(): [ThemePreference, (p: ThemePreference) => void] {
  const preference = useSyncExternalStore(subscribe, read, () => 'system' as const);
  const choose = useCallback((p: ThemePreference) => {
    try {
      if (p === 'system') window.localStorage.removeItem(THEME_STORAGE_KEY);
      else window.localStorage.setItem(THEME_STORAGE_KEY, p);
    } catch {
      // Storage blocked: the choice lasts for this page only.
      document.documentElement.classList.toggle(
        'dark',
        p === 'dark' || (p === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches),
      );
      return;
    }
    applyStoredTheme(THEME_STORAGE_KEY);
    window.dispatchEvent(new Event(CHANGED));
  }, []);
  return [preference, choose];
}
