import type { ContextPolicy } from '../context/context-policy';
import type { AgentLifecycle } from '../registry/agent-lifecycle';
import type { AgentRegistry } from '../registry/agent-registry';
import { holdReason } from '../scheduler/agent-hold';
import type { CoreDeps, CoreModule } from '../shared/core-module';
import { DEFAULT_RETENTION_MS } from '../metrics/sampler';
import { Ticker } from '../shared/ticker';
import { Autoscaler } from './autoscaler';
import { IdleClock } from './idle-clock';
import { sleepIdleAgents } from './idle-sleep';
import { PoolAgents } from './pool-agents';
import { PoolService } from './pool-service';

export interface PoolOptions {
  contextPolicy: ContextPolicy;
  autoscaleIntervalMs?: number;
  /** Unmanaged agents idle this long go to sleep, and wake when matching work is queued (0: never). */
  idleSleepMs?: number;
  /** How managed agents reach this server. */
  serverUrl?: () => string;
  /** How long pool size samples (the pool chart) are kept; the charts' retention. */
  samplesRetentionMs?: number;
}

/** Pools of managed agents, their providers, and the autoscaler that sizes them to their backlog. */
export function createPoolModule(
  deps: CoreDeps,
  opts: PoolOptions,
  parts: { registry: AgentRegistry; lifecycle: AgentLifecycle },
) {
  const { store, clock, log } = deps;
  const { registry, lifecycle } = parts;
  const idleClock = new IdleClock();
  const poolAgents = new PoolAgents(
    store,
    registry,
    log.child({ part: 'pools' }),
    opts.serverUrl ?? (() => 'http://127.0.0.1:3000'),
    () => clock.now(),
  );
  lifecycle.useManagedControl(poolAgents);
  const autoscaler = new Autoscaler(store, poolAgents, lifecycle, idleClock, log.child({ part: 'autoscaler' }), () =>
    clock.now(),
  );
  const idleSleepMs = opts.idleSleepMs ?? 0;
  const loop = new Ticker(
    'autoscaler',
    opts.autoscaleIntervalMs ?? 2_000,
    async () => {
      await autoscaler.tick();
      if (idleSleepMs > 0) await sleepIdleAgents(store, lifecycle, idleClock, idleSleepMs, clock.now(), log);
    },
    clock,
    log,
    { scope: 'cluster', minKickGapMs: 200 },
  );
  const pools = new PoolService(deps, {
    agents: poolAgents,
    lifecycle,
    onChange: () => loop.kick(),
    holdOf: (a) => holdReason(a, clock.now(), opts.contextPolicy),
  });
  const module: CoreModule = {
    name: 'pools',
    loops: [
      loop,
      new Ticker(
        'pool-pruner',
        60_000,
        () => store.pools.prune(opts.samplesRetentionMs ?? DEFAULT_RETENTION_MS, 2_000),
        clock,
        log,
        { scope: 'cluster' },
      ),
    ],
    onEvent(e) {
      idleClock.observe(e);
      // Queued work may need a pool to grow (or a sleeping agent to wake): decide soon, not at the next tick.
      if (e.name === 'task:submitted' || e.name === 'task:released') loop.kick();
    },
  };
  return { pools, poolAgents, autoscaler, loop, module };
}
