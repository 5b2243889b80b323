'use client';

import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { Button } from './button';

export interface ConfirmInput {
  /** The question, naming what is affected: "Terminate agent build-7?" */
  title: string;
  /** What will happen, and what cannot be undone. */
  body?: ReactNode;
  confirmLabel: string;
  /** The button that answers no (default "Cancel"): name it otherwise when the action itself is a cancel. */
  cancelLabel?: string;
  /** Red confirm button, for what destroys or affects the whole fleet. */
  destructive?: boolean;
}

type Ask = (input: ConfirmInput) => Promise<boolean>;
const ConfirmContext = createContext<Ask | null>(null);

/** One modal question at a time, for destructive or fleet-wide operator actions. */
export function ConfirmProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState<(ConfirmInput & { answer: (yes: boolean) => void }) | null>(null);
  const ask = useCallback<Ask>((input) => new Promise((resolve) => setOpen({ ...input, answer: resolve })), []);
  const close = (yes: boolean) => {
    open?.answer(yes);
    setOpen(null);
  };
  return (
    <ConfirmContext.Provider value={ask}>
      {children}
      {open && <ConfirmModal input={open} onAnswer={close} />}
    </ConfirmContext.Provider>
  );
}

function ConfirmModal({ input, onAnswer }: { input: ConfirmInput; onAnswer: (yes: boolean) => void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  // Cancel has the focus: Enter on a dialog that destroys something should not destroy it.
  useEffect(() => cancel.current?.focus(), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onAnswer(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onAnswer]);
  return (
    <div className="fixed inset-0 z-50 grid place-items-center bg-slate-900/40 p-4" onClick={() => onAnswer(false)}>
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        onClick={(e) => e.stopPropagation()}
        className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-5 shadow-xl dark:border-slate-700 dark:bg-slate-900"
      >
        <h2 id="confirm-title" className="text-base font-semibold text-slate-900 dark:text-slate-50">
          {input.title}
        </h2>
        {input.body && <div className="mt-2 text-sm text-slate-600 dark:text-slate-300">{input.body}</div>}
        <div className="mt-5 flex justify-end gap-2">
          <Button ref={cancel} onClick={() => onAnswer(false)}>
            {input.cancelLabel ?? 'Cancel'}
          </Button>
          <Button variant={input.destructive ? 'danger' : 'primary'} onClick={() => onAnswer(true)}>
            {input.confirmLabel}
          </Button>
        </div>
      </div>
    </div>
  );
}

/** `if (await confirm({title, confirmLabel, destructive})) …` */
export function useConfirm(): Ask {
  const ask = useContext(ConfirmContext);
  // Outside the dashboard shell: the browser's own dialog, never a silent yes.
  return ask ?? (async (input) => window.confirm(input.title));
}
