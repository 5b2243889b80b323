'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';

/** A signing secret, shown this once: copy it now, it is never shown again (a new one means rotating it). */
export function SecretOnce({ secret, onDismiss }: { secret: string; onDismiss: () => void }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div
      role="alert"
      data-testid="secret-once"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100"
    >
      <p className="font-medium">Copy the signing secret now: it is shown only this once.</p>
      <p className="mt-1 text-amber-900 dark:text-amber-200">
        Receivers check the <span className="font-mono text-xs">Flightdeck-Signature</span> header with it (HMAC-SHA256
        of <span className="font-mono text-xs">&lt;t&gt;.&lt;body&gt;</span>). Lost, it can only be replaced.
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <code
          data-testid="secret-value"
          className="min-w-0 break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-900 ring-1 ring-amber-200 dark:bg-slate-900 dark:text-slate-100 dark:ring-amber-800"
        >
          {secret}
        </code>
        <Button size="sm" variant="primary" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy'}
        </Button>
        <Button size="sm" variant="ghost" onClick={onDismiss}>
          I have stored it
        </Button>
      </div>
    </div>
  );
}

/** The secret of what was just created, above the list, under its name. */
export function NewSecret({ title, secret, onDismiss }: { title: string; secret: string; onDismiss: () => void }) {
  return (
    <div className="mb-4">
      <p className="mb-2 text-sm font-medium">{title}</p>
      <SecretOnce secret={secret} onDismiss={onDismiss} />
    </div>
  );
}
