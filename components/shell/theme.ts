export type ThemePreference = 'system' | 'light' | 'dark';

export const THEME_PREFERENCES: readonly ThemePreference[] = ['system', 'light', 'dark'];

/** The browser's localStorage key; absent means "system". */
export const THEME_STORAGE_KEY = 'flightdeck-theme';

export function parseThemePreference(stored: string | null | undefined): ThemePreference {
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

/**
 * Puts `dark` on <html> when the stored choice or, for "system", the OS asks for it.
 * Self-contained (no imports, no outer names): THEME_SCRIPT inlines its source.
 */
export function applyStoredTheme(key: string): void {
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(key);
  } catch {
    // Storage blocked (privacy mode): follow the OS.
  }
  const dark = stored === 'dark' || (stored !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
}

/**
 * Inlined in <head> with the page's CSP nonce, so the first paint already has the right theme;
 * it keeps following the OS (for "system") and other tabs' choices.
 */
export const THEME_SCRIPT =
  `(function(){var apply=${applyStoredTheme.toString()},key=${JSON.stringify(THEME_STORAGE_KEY)};apply(key);` +
  `window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change',function(){apply(key)});` +
  `window.addEventListener('storage',function(e){if(e.key===key)apply(key)})})()`;
