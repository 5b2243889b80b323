'use client';

import { useCallback, useRef, useState } from 'react';
import { CheckIcon, MonitorIcon, MoonIcon, SunIcon } from './icons';
import { THEME_PREFERENCES, type ThemePreference } from './theme';
import { useDismiss } from './use-dismiss';
import { useThemePreference } from './use-theme-preference';

const CHOICES: Record<ThemePreference, { label: string; Icon: typeof SunIcon }> = {
  system: { label: 'System', Icon: MonitorIcon },
  light: { label: 'Light', Icon: SunIcon },
  dark: { label: 'Dark', Icon: MoonIcon },
};

/** The header's theme switch: system (the default, follows the OS), light or dark, remembered in this browser. */
export function ThemeMenu() {
  const [preference, choose] = useThemePreference();
  const [open, setOpen] = useState(false);
  const area = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, area, button, close);
  const { Icon } = CHOICES[preference];

  return (
    <div ref={area} className="relative">
      <button
        ref={button}
        type="button"
        aria-label={`Theme: ${preference}`}
        title={`Theme: ${CHOICES[preference].label.toLowerCase()}`}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((v) => !v)}
        className="grid h-8 w-8 place-items-center rounded-md text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-slate-300 dark:hover:bg-slate-800"
      >
        <Icon />
      </button>
      {open && (
        <div
          role="menu"
          aria-label="Theme"
          className="absolute right-0 top-full z-30 mt-2 w-36 rounded-lg border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {THEME_PREFERENCES.map((p) => {
            const { label, Icon: ChoiceIcon } = CHOICES[p];
            return (
              <button
                key={p}
                type="button"
                role="menuitemradio"
                aria-checked={p === preference}
                onClick={() => {
                  choose(p);
                  setOpen(false);
                  button.current?.focus();
                }}
                className="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
              >
                <ChoiceIcon className="h-4 w-4 text-slate-400" />
                <span className="flex-1">{label}</span>
                {p === preference && <CheckIcon className="h-4 w-4 text-indigo-600 dark:text-indigo-400" />}
              </button>
            );
          })}
        </div>
      )}
    </div>
  );
}
