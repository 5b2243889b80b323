'use client';

import { CapabilityChips } from '@/components/dead-letters/capability-chips';
import { Button } from '@/components/ui/button';
import { DeletePoolButton } from './delete-pool-button';
import { PoolEnabledBadge } from './pool-enabled-badge';
import { PoolEnabledToggle } from './pool-enabled-toggle';
import type { PoolRow } from './types';

interface PoolHeaderProps {
  pool: PoolRow;
  /** Its agents' names, for the delete confirmation. */
  agents: readonly string[];
  canAdmin: boolean;
  editing: boolean;
  onEdit: () => void;
}

/** Name, whether it is enabled, what it runs and for which capabilities; Edit, Disable / Enable and Delete for admins. */
export function PoolHeader({ pool: p, agents, canAdmin, editing, onEdit }: PoolHeaderProps) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="flex flex-wrap items-center gap-3 break-words text-xl font-semibold tracking-tight">
            {p.name}
            <PoolEnabledBadge enabled={p.enabled} />
          </h1>
          <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">
            <span className="font-mono text-xs">{p.provider}</span> provider ·{' '}
            <span className="font-mono text-xs">{p.adapter}</span> adapter · {p.agentConcurrency} task
            {p.agentConcurrency === 1 ? '' : 's'} per agent
          </p>
        </div>
        {canAdmin && (
          <div className="flex flex-wrap items-center gap-2" data-testid="pool-actions">
            <Button size="sm" variant={editing ? 'secondary' : 'primary'} onClick={onEdit} aria-expanded={editing}>
              {editing ? 'Close editor' : 'Edit'}
            </Button>
            <PoolEnabledToggle pool={p} />
            <DeletePoolButton poolId={p.id} name={p.name} agents={agents} />
          </div>
        )}
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-2 text-sm">
        <span className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
          Capabilities
        </span>
        <CapabilityChips capabilities={p.capabilities} />
      </div>
    </div>
  );
}
