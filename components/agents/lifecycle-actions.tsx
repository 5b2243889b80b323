'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { AgentState } from '@/server/core/model';
import { ButtonSpinner } from '@/components/balancing/button-spinner';
import { ActionError } from '@/components/tasks/action-error';
import { useTRPC } from '@/components/trpc/client';
import { Button } from '@/components/ui/button';
import { useAgentChanged } from './use-agent-changed';

export type LifecycleAction = 'drain' | 'resume' | 'sleep' | 'wake' | 'terminate';

/** The states each action applies to; the server refuses (CONFLICT, with the reason) in any other. */
const OFFERED: Record<LifecycleAction, readonly AgentState[]> = {
  drain: ['idle', 'busy', 'starting', 'unhealthy'],
  resume: ['draining'],
  // A busy agent is offered it too: the refusal ("it holds 2 tasks; drain it first") says what to do.
  sleep: ['idle', 'busy'],
  wake: ['sleeping'],
  terminate: ['starting', 'idle', 'busy', 'draining', 'sleeping', 'stopped', 'unhealthy', 'offline'],
};

const LABEL: Record<LifecycleAction, [idle: string, pending: string, hint: string]> = {
  drain: ['Drain', 'Draining…', 'Finish the tasks it holds, take no new ones'],
  resume: ['Resume', 'Resuming…', 'Take new work again'],
  sleep: ['Sleep', 'Sleeping…', 'Stop it while idle; it keeps its session and wakes on demand'],
  wake: ['Wake', 'Waking…', 'Start it again, resuming its session'],
  terminate: ['Terminate', 'Terminating…', 'Remove it for good; its work goes back to the queue'],
};

interface LifecycleActionsProps {
  agentId: string;
  agentName: string;
  status: AgentState;
  /** Which actions to offer (all by default); each shows only in the states it applies to. */
  actions?: readonly LifecycleAction[];
  size?: 'sm' | 'md';
}

/** Drain / Resume / Sleep / Wake / Terminate as the agent's state allows; Terminate asks first. */
export function LifecycleActions({ agentId, agentName, status, actions = ['drain', 'resume', 'sleep', 'wake', 'terminate'], size = 'sm' }: LifecycleActionsProps) {
  const trpc = useTRPC();
  const changed = useAgentChanged();
  const [confirming, setConfirming] = useState(false);
  const options = { onSuccess: () => { setConfirming(false); changed(agentId); } };
  const mutations = {
    drain: useMutation(trpc.agents.drain.mutationOptions(options)),
    resume: useMutation(trpc.agents.resume.mutationOptions(options)),
    sleep: useMutation(trpc.agents.sleep.mutationOptions(options)),
    wake: useMutation(trpc.agents.wake.mutationOptions(options)),
    terminate: useMutation(trpc.agents.terminate.mutationOptions(options)),
  };
  const all = Object.values(mutations);
  const busy = all.some((m) => m.isPending);
  const error = all.find((m) => m.error)?.error ?? null;
  const shown = actions.filter((a) => OFFERED[a].includes(status));
  const run = (a: LifecycleAction) => {
    for (const m of all) m.reset();
    mutations[a].mutate({ id: agentId });
  };
  const ask = () => {
    for (const m of all) m.reset();
    setConfirming(true);
  };
  if (!shown.length) return null;

  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label={`Actions on ${agentName}`} data-testid="lifecycle-actions">
      {confirming ? (
        <span role="group" aria-label="Confirm terminate" className="inline-flex flex-wrap items-center gap-2">
          <span className="text-sm text-slate-600 dark:text-slate-300">Terminate {agentName}? Its tasks go back to the queue.</span>
          <Button variant="danger" size={size} disabled={busy} onClick={() => run('terminate')}>
            {mutations.terminate.isPending ? <><ButtonSpinner />Terminating…</> : 'Yes, terminate'}
          </Button>
          <Button variant="ghost" size={size} disabled={busy} onClick={() => setConfirming(false)}>Keep</Button>
        </span>
      ) : shown.map((a) => (
        <Button key={a} size={size} variant="secondary" disabled={busy} title={LABEL[a][2]} onClick={() => (a === 'terminate' ? ask() : run(a))}>
          {mutations[a].isPending ? <><ButtonSpinner />{LABEL[a][1]}</> : LABEL[a][0]}
        </Button>
      ))}
      <ActionError error={error} className="w-full" />
    </div>
  );
}
