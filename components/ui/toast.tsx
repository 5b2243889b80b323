'use client';

import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

export type ToastKind = 'success' | 'error' | 'info';

export interface ToastInput {
  /** What happened, in one line: "Retried task Fix the login test". */
  title: string;
  description?: string;
  kind?: ToastKind;
  /** One follow-up, such as Undo; the toast closes once it runs. */
  action?: { label: string; run: () => void | Promise<void> };
  /** Errors stay until closed; others leave after this long (default 6 s). */
  durationMs?: number;
  /** A toast with the same key replaces this one: a stream of like notices shows only the newest. */
  key?: string;
}

interface Toast extends ToastInput {
  id: number;
}

const ToastContext = createContext<((t: ToastInput) => void) | null>(null);

const STYLES: Record<ToastKind, string> = {
  success: 'border-emerald-300 dark:border-emerald-800',
  error: 'border-red-300 dark:border-red-800',
  info: 'border-slate-300 dark:border-slate-700',
};
const ICONS: Record<ToastKind, string> = { success: '✓', error: '!', info: 'i' };
const ICON_STYLES: Record<ToastKind, string> = {
  success: 'bg-emerald-600 text-white',
  error: 'bg-red-600 text-white',
  info: 'bg-slate-500 text-white',
};

/** Says what an operator action did, on every page: a stack of toasts at the bottom right. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const show = useCallback(
    (input: ToastInput) => {
      const id = next.current++;
      setToasts((all) => [...all.filter((t) => !input.key || t.key !== input.key).slice(-4), { ...input, id }]);
      const kind = input.kind ?? 'success';
      if (kind !== 'error') setTimeout(() => dismiss(id), input.durationMs ?? 6_000);
    },
    [dismiss],
  );
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div
        aria-live="polite"
        className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col items-center gap-2 p-4 sm:items-end"
      >
        {toasts.map((t) => (
          <ToastCard key={t.id} toast={t} onClose={() => dismiss(t.id)} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}

function ToastCard({ toast, onClose }: { toast: Toast; onClose: () => void }) {
  const kind = toast.kind ?? 'success';
  const [busy, setBusy] = useState(false);
  return (
    <div
      role={kind === 'error' ? 'alert' : 'status'}
      data-toast={kind}
      className={`pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-lg border bg-white p-3 text-sm shadow-lg dark:bg-slate-900 ${STYLES[kind]}`}
    >
      <span
        aria-hidden
        className={`mt-0.5 grid h-5 w-5 shrink-0 place-items-center rounded-full text-xs font-bold ${ICON_STYLES[kind]}`}
      >
        {ICONS[kind]}
      </span>
      <div className="min-w-0 flex-1">
        <p className="font-medium text-slate-900 dark:text-slate-50">{toast.title}</p>
        {toast.description && (
          <p className="mt-0.5 break-words text-slate-600 dark:text-slate-300">{toast.description}</p>
        )}
      </div>
      {toast.action && (
        <button
          type="button"
          disabled={busy}
          className="shrink-0 rounded px-2 py-0.5 font-medium text-indigo-600 hover:bg-indigo-50 disabled:opacity-50 dark:text-indigo-400 dark:hover:bg-slate-800"
          onClick={async () => {
            setBusy(true);
            try {
              await toast.action!.run();
            } finally {
              onClose();
            }
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button
        type="button"
        aria-label="Dismiss"
        onClick={onClose}
        className="shrink-0 rounded px-1 text-slate-400 hover:text-slate-600 dark:hover:text-slate-200"
      >
        ×
      </button>
    </div>
  );
}

/** `toast({title, kind, action})`: every operator action says what it did with this. */
export function useToast(): (t: ToastInput) => void {
  const show = useContext(ToastContext);
  return useMemo(() => show ?? (() => {}), [show]);
}
