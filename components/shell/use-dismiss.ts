'use client';

import { useEffect, type RefObject } from 'react';

/**
 * Closes an open menu on Escape (focus back on its button) or on a press outside `area`.
 * Escape is taken before other listeners so a dialog behind the menu stays open.
 */
export function useDismiss(
  open: boolean,
  area: RefObject<HTMLElement | null>,
  button: RefObject<HTMLElement | null>,
  close: () => void,
) {
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      close();
      button.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (!area.current?.contains(e.target as Node)) close();
    };
    window.addEventListener('keydown', onKey, true);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open, area, button, close]);
}
