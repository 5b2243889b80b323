'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/client';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { Spinner } from '@/components/ui/spinner';

const TAIL = 200;

/**
 * A managed agent's recent output, from its provider (process output, container logs). Fetched
 * only while open; it follows the agent's live events, and Refresh fetches it on demand.
 */
export function AgentLogsPanel({ agentId }: { agentId: string }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const logs = useQuery({ ...trpc.agents.logs.queryOptions({ id: agentId, tail: TAIL }), enabled: open });

  return (
    <section
      data-testid="agent-logs"
      className="min-w-0 rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <header className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
        <button
          type="button"
          onClick={() => setOpen((v) => !v)}
          aria-expanded={open}
          aria-controls={`logs-${agentId}`}
          className="inline-flex items-center gap-2 text-sm font-semibold text-slate-900 dark:text-slate-100"
        >
          <span aria-hidden className={`inline-block text-slate-400 transition-transform ${open ? 'rotate-90' : ''}`}>
            ▶
          </span>
          Logs
          <span className="text-xs font-normal text-slate-500 dark:text-slate-400">
            the last {TAIL} lines from its provider
          </span>
        </button>
        {open && (
          <Button size="sm" variant="ghost" onClick={() => void logs.refetch()} disabled={logs.isFetching}>
            {logs.isFetching ? 'Refreshing…' : 'Refresh'}
          </Button>
        )}
      </header>
      {open && (
        <div id={`logs-${agentId}`} className="border-t border-slate-100 p-4 dark:border-slate-800">
          {logs.error ? (
            <ErrorState error={logs.error} title="Could not load the logs" onRetry={() => void logs.refetch()} />
          ) : !logs.data ? (
            <Spinner label="Loading logs…" />
          ) : logs.data.logs.trim() ? (
            <pre
              aria-label="Agent logs"
              data-testid="agent-logs-text"
              className="max-h-96 overflow-auto whitespace-pre-wrap break-words rounded-lg bg-slate-950 p-3 font-mono text-xs leading-relaxed text-slate-100"
            >
              {logs.data.logs}
            </pre>
          ) : (
            <p className="text-sm text-slate-500 dark:text-slate-400">
              {logs.data.managed
                ? 'No output yet.'
                : 'No pool manages this agent, so the control plane has no logs for it.'}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
