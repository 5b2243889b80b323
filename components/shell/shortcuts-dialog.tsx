'use client';

import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { MAIN_PAGES } from './pages';

const Keys = ({ keys }: { keys: string[] }) => (
  <span className="flex gap-1">
    {keys.map((k, i) => (
      <kbd
        key={i}
        className="min-w-6 rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 text-center font-mono text-xs text-slate-700 shadow-sm dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200"
      >
        {k}
      </kbd>
    ))}
  </span>
);

const ROWS: { keys: string[]; what: string }[] = [
  ...MAIN_PAGES.map((p) => ({ keys: ['g', p.key], what: `Go to ${p.label}` })),
  { keys: ['/'], what: 'Focus the search box' },
  { keys: ['?'], what: 'Show this list' },
  { keys: ['Esc'], what: 'Close a dialog or menu' },
];

/** The list of keyboard shortcuts (`?`); closes on Escape, a click outside or its button, and gives the focus back. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    closeButton.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      before?.focus?.();
    };
  }, [onClose]);
  return (
    <div className="fixed inset-0 z-50 grid place-items-center bg-slate-900/40 p-4" onClick={onClose}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        onClick={(e) => e.stopPropagation()}
        className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-5 shadow-xl dark:border-slate-700 dark:bg-slate-900"
      >
        <h2 id="shortcuts-title" className="text-base font-semibold text-slate-900 dark:text-slate-50">
          Keyboard shortcuts
        </h2>
        <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          Anywhere in the dashboard, except while typing in a field.
        </p>
        <dl className="mt-4 space-y-2 text-sm">
          {ROWS.map((r) => (
            <div key={r.what} className="flex items-center justify-between gap-4">
              <dt className="text-slate-700 dark:text-slate-300">{r.what}</dt>
              <dd>
                <Keys keys={r.keys} />
              </dd>
            </div>
          ))}
        </dl>
        <div className="mt-5 flex justify-end">
          <Button ref={closeButton} onClick={onClose}>
            Close
          </Button>
        </div>
      </div>
    </div>
  );
}
