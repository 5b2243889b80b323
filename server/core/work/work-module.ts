import type { CoreDeps, CoreModule } from '../shared/core-module';
import type { InputLimits } from '../shared/input-limits';
import { Ticker } from '../shared/ticker';
import { LeaseSweep } from './lease-sweep';
import { WorkService } from './work-service';

export interface WorkOptions {
  inputLimits?: InputLimits;
  leaseSweepIntervalMs?: number;
  redeliveryIntervalMs?: number;
}

/** What agents call to take and report work, with the sweeps that keep leases honest. */
export function createWorkModule(
  deps: CoreDeps,
  opts: WorkOptions,
  hooks: { kickDispatch: () => void; touchAgent: (agentId: string) => Promise<void> },
) {
  const { store, clock, metrics, log } = deps;
  // A poll opening is the moment an agent can take work: dispatch then, and hand the task over directly.
  const work = new WorkService(deps, { touchAgent: hooks.touchAgent, onReady: hooks.kickDispatch }, opts.inputLimits);
  const leases = new LeaseSweep(store, metrics, hooks.kickDispatch);
  const module: CoreModule = {
    name: 'work',
    loops: [
      new Ticker(
        'lease-sweep',
        opts.leaseSweepIntervalMs ?? 1_000,
        async () => void (await leases.sweep()),
        clock,
        log,
        { scope: 'cluster' },
      ),
      // Assignments written while no poll was open on the assigning replica (an event lost on the way) get
      // delivered: it only wakes this replica's own long-polls, so every replica runs it.
      new Ticker(
        'redelivery',
        opts.redeliveryIntervalMs ?? 5_000,
        () => work.polls.findAwaitingDelivery(),
        clock,
        log,
        { scope: 'replica' },
      ),
    ],
    onEvent(e) {
      // Assignment events may come from any replica: wake the long-polls of our agents.
      if (e.name === 'task:assigned' && !e.payload.delivered) work.polls.assignedInStore(e.payload.agentId);
    },
    stop: () => work.close(),
  };
  return { work, module };
}
