'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { useToast } from '@/components/ui/toast';
import { isTypingTarget, KeySequence } from './key-sequence';

/** The page's main search box: the first visible element marked `data-shortcut="search"`. */
function focusSearch(): boolean {
  const box = Array.from(document.querySelectorAll<HTMLElement>('[data-shortcut="search"]')).find(
    (el) => el.getClientRects().length > 0,
  );
  if (!box) return false;
  box.focus();
  if (box instanceof HTMLInputElement) box.select();
  return true;
}

/**
 * The dashboard's keyboard shortcuts (the list is in shortcuts-dialog.tsx). Keys typed into a
 * field, with a modifier, or while a modal dialog is open are left alone.
 */
export function useKeyboardShortcuts(showHelp: () => void) {
  const router = useRouter();
  const toast = useToast();
  useEffect(() => {
    const keys = new KeySequence();
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
      if (isTypingTarget(e.target) || document.querySelector('[aria-modal="true"]')) return;
      const action = keys.press(e.key, Date.now());
      if (!action) return;
      e.preventDefault();
      if (action.kind === 'go') router.push(action.href);
      else if (action.kind === 'help') showHelp();
      else if (!focusSearch()) toast({ title: 'This page has no search box', kind: 'info', durationMs: 3_000 });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [router, toast, showHelp]);
}
