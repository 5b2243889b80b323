'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { AgentState } from '@/server/core/model';
import { ButtonSpinner } from '@/components/balancing/button-spinner';
import { useTRPC, useTRPCClient } from '@/components/trpc/client';
import { Button } from '@/components/ui/button';
import { useConfirm } from '@/components/ui/confirm-dialog';
import { errorToast, plural, UNDO_TOAST_MS } from '@/components/ui/action-toast';
import { useToast } from '@/components/ui/toast';
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

/** Drain / Resume / Sleep / Wake / Terminate as the agent's state allows; each says what it did, Terminate asks first. */
export function LifecycleActions({
  agentId,
  agentName,
  status,
  actions = ['drain', 'resume', 'sleep', 'wake', 'terminate'],
  size = 'sm',
}: LifecycleActionsProps) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const changed = useAgentChanged();
  const toast = useToast();
  const confirm = useConfirm();
  const [asking, setAsking] = useState(false);
  const mutations = {
    drain: useMutation(trpc.agents.drain.mutationOptions()),
    resume: useMutation(trpc.agents.resume.mutationOptions()),
    sleep: useMutation(trpc.agents.sleep.mutationOptions()),
    wake: useMutation(trpc.agents.wake.mutationOptions()),
    terminate: useMutation(trpc.agents.terminate.mutationOptions()),
  };
  const busy = asking || Object.values(mutations).some((m) => m.isPending);
  const shown = actions.filter((a) => OFFERED[a].includes(status));
  const agent = `Agent ${agentName}`;

  // Resume through the plain client: the toast's Undo may outlive this component (a row that re-rendered away).
  const undoDrain = async () => {
    try {
      await client.agents.resume.mutate({ id: agentId });
      changed(agentId);
      toast({ title: `${agent} resumed: it takes new work again`, kind: 'info' });
    } catch (err) {
      toast(errorToast(`Could not resume agent ${agentName}`, err));
    }
  };

  const done = async (a: LifecycleAction): Promise<void> => {
    const id = { id: agentId };
    switch (a) {
      case 'drain': {
        const { activeTasks: n } = await mutations.drain.mutateAsync(id);
        toast({
          title: `${agent} is draining: ${n ? `it finishes its ${plural(n, 'task')}` : 'it holds no task'} and takes nothing new`,
          action: { label: 'Undo', run: undoDrain },
          durationMs: UNDO_TOAST_MS,
        });
        return;
      }
      case 'resume':
        await mutations.resume.mutateAsync(id);
        toast({ title: `${agent} resumed: it takes new work again` });
        return;
      case 'sleep':
        await mutations.sleep.mutateAsync(id);
        toast({
          title: `${agent} is asleep: it takes no work until it is woken`,
          description: 'It keeps its session for when it wakes.',
        });
        return;
      case 'wake': {
        const woken = await mutations.wake.mutateAsync(id);
        toast({
          title:
            woken.status === 'starting'
              ? `${agent} is waking: its pool starts it again, resuming its session`
              : `${agent} is awake: it takes work again`,
        });
        return;
      }
      case 'terminate': {
        const { requeued } = await mutations.terminate.mutateAsync(id);
        toast({
          title: `${agent} terminated: ${requeued ? `${plural(requeued, 'task')} went back to the queue` : 'it held no task'}`,
        });
      }
    }
  };

  const run = async (a: LifecycleAction) => {
    if (a === 'terminate' && !(await confirmTerminate())) return;
    try {
      await done(a);
      changed(agentId);
    } catch (err) {
      toast(errorToast(`Could not ${a} agent ${agentName}`, err));
    }
  };

  /** Names the agent and, read fresh, the tasks it holds: they are what the operator is about to move. */
  const confirmTerminate = async (): Promise<boolean> => {
    setAsking(true);
    try {
      const fresh = await client.agents.get.query({ id: agentId }).catch(() => null);
      const n = fresh?.activeTasks ?? 0;
      return await confirm({
        title: `Terminate agent ${agentName}?`,
        body: (
          <>
            <p>
              {fresh == null
                ? 'Any task it holds goes back to the queue for another agent.'
                : n
                  ? `Its ${plural(n, 'task')} in progress go${n === 1 ? 'es' : ''} back to the queue for another agent.`
                  : 'It holds no task right now.'}
            </p>
            <p className="mt-2">
              It takes no more work and its worker stops at its next heartbeat
              {fresh?.poolId ? '; its pool removes it and starts a new agent if the backlog needs one' : ''}. There is
              no undo.
            </p>
          </>
        ),
        confirmLabel: 'Terminate',
        destructive: true,
      });
    } finally {
      setAsking(false);
    }
  };

  if (!shown.length) return null;
  return (
    <div
      className="flex flex-wrap items-center gap-2"
      role="group"
      aria-label={`Actions on ${agentName}`}
      data-testid="lifecycle-actions"
    >
      {shown.map((a) => (
        <Button key={a} size={size} variant="secondary" disabled={busy} title={LABEL[a][2]} onClick={() => void run(a)}>
          {mutations[a].isPending ? (
            <>
              <ButtonSpinner />
              {LABEL[a][1]}
            </>
          ) : (
            LABEL[a][0]
          )}
        </Button>
      ))}
    </div>
  );
}
