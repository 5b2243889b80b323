import type { ToastInput } from './toast';

/** "3 tasks", "1 task". */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A refused or failed operator action: what was tried, and the server's message as it gave it. */
export function errorToast(title: string, error: unknown): ToastInput {
  const message =
    error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)
      ? String((error as { message: unknown }).message)
      : String(error);
  return { kind: 'error', title, description: message };
}

/** A notice with Undo stays longer than the default 6 s: reading it and reaching the button takes time. */
export const UNDO_TOAST_MS = 15_000;
