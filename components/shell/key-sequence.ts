import { MAIN_PAGES } from './pages';

export type ShortcutAction = { kind: 'go'; href: string } | { kind: 'search' } | { kind: 'help' };

/** How long `g` waits for the page key. */
export const SEQUENCE_MS = 1500;

/** Turns key presses into shortcuts: `g` then a page's key (within SEQUENCE_MS), `/`, `?`. */
export class KeySequence {
  private gAt: number | null = null;

  press(key: string, at: number): ShortcutAction | null {
    const pending = this.gAt !== null && at - this.gAt <= SEQUENCE_MS;
    this.gAt = null;
    if (pending) {
      const page = MAIN_PAGES.find((p) => p.key === key);
      if (page) return { kind: 'go', href: page.href };
    }
    if (key === 'g') this.gAt = at;
    else if (key === '/') return { kind: 'search' };
    else if (key === '?') return { kind: 'help' };
    return null;
  }
}

/** Keys typed into a field are text, not shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as { closest?: (selector: string) => unknown; isContentEditable?: boolean } | null;
  if (!el?.closest) return false;
  return Boolean(
    el.isContentEditable || el.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])'),
  );
}
