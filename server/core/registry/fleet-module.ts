import type { ContextPolicy } from '../context/context-policy';
import { HeartbeatSweep, type HeartbeatPolicy } from '../health/heartbeat-sweep';
import type { CoreDeps, CoreModule } from '../shared/core-module';
import type { InputLimits } from '../shared/input-limits';
import { Ticker } from '../shared/ticker';
import { AgentLifecycle } from './agent-lifecycle';
import { AgentRegistry } from './agent-registry';

export interface FleetOptions {
  heartbeat: HeartbeatPolicy;
  contextPolicy: ContextPolicy;
  inputLimits?: InputLimits;
  sweepIntervalMs?: number;
  /** Terminated agents older than this are deleted (checked every minute). */
  terminatedRetentionMs: number;
}

/** The agents: registration, heartbeats, lifecycle, the sweep that notices silence, and pruning. */
export function createFleetModule(
  deps: CoreDeps,
  opts: FleetOptions,
  hooks: { kickDispatch: () => void; forgetAgent: (agentId: string) => void },
) {
  const { store, clock, log } = deps;
  const registry = new AgentRegistry(
    deps,
    { onCapacityChange: hooks.kickDispatch, forgetToken: hooks.forgetAgent },
    opts,
  );
  const lifecycle = new AgentLifecycle(store, registry, log.child({ part: 'lifecycle' }), hooks.kickDispatch);
  const sweep = new HeartbeatSweep(store, registry, opts.heartbeat, log.child({ part: 'sweep' }));
  const module: CoreModule = {
    name: 'fleet',
    loops: [
      new Ticker('heartbeat-sweep', opts.sweepIntervalMs ?? 1_000, async () => void (await sweep.sweep()), clock, log, {
        scope: 'cluster',
      }),
      // Each replica announces the heartbeats it received itself.
      new Ticker('heartbeat-signals', opts.sweepIntervalMs ?? 1_000, () => registry.announceHeartbeats(), clock, log, {
        scope: 'replica',
      }),
      new Ticker(
        'agent-pruner',
        60_000,
        async () => void (await registry.pruneTerminated(opts.terminatedRetentionMs)),
        clock,
        log,
        { scope: 'cluster' },
      ),
    ],
  };
  return { registry, lifecycle, module };
}
