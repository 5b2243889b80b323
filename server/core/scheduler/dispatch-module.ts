import { AgentSignalsTracker } from '../balancing/agent-signals';
import { createStrategy, DEFAULT_STRATEGY } from '../balancing/catalog';
import type { BreakerService } from '../breakers/breaker-service';
import type { ContextPolicy } from '../context/context-policy';
import { RoutingPolicy } from '../routing/routing-policy';
import type { CoreDeps, CoreModule } from '../shared/core-module';
import { Ticker } from '../shared/ticker';
import { Dispatcher, type Handoff } from './dispatcher';
import type { AssignmentScreen } from './screen-plans';

export interface DispatchOptions {
  contextPolicy: ContextPolicy;
  /** Safety-net interval of the dispatcher; it also runs whenever work or capacity appears. */
  dispatchIntervalMs?: number;
  /** Least time between dispatch passes when kicked (and never less than the last pass took). */
  dispatchMinGapMs?: number;
  /** Decision records kept (newest); older ones are pruned every minute. */
  decisionHistory?: number;
}

/** Who gets which task: the dispatcher, the routing policy in force, and the signals it weighs. */
export function createDispatchModule(
  deps: CoreDeps,
  opts: DispatchOptions,
  parts: { breakers: BreakerService; handoff: Handoff; screen?: AssignmentScreen },
) {
  const { store, clock, metrics, log } = deps;
  const { breakers } = parts;
  /** Recent outcomes, latency and held contexts per agent: what the composite strategy weighs. */
  const signals = new AgentSignalsTracker();
  const dispatcher = new Dispatcher(
    store,
    metrics,
    log.child({ part: 'dispatcher' }),
    createStrategy(DEFAULT_STRATEGY),
    parts.handoff,
    {
      signals: {
        signals: (id) => breakers.decorate(id, signals.signals(id)),
        holdersOf: (key) => signals.holdersOf(key),
      },
      now: () => clock.now(),
      onRoster: (agents) => breakers.observe(agents),
      onAssigned: (id) => breakers.assigned(id),
      contextPolicy: opts.contextPolicy,
      screen: parts.screen,
    },
  );
  // The stored policy replaces the default once loaded (start), and on every change.
  const routing = new RoutingPolicy(store, log.child({ part: 'routing' }), (strategy) =>
    dispatcher.setStrategy(strategy),
  );
  // Every replica dispatches: each assignment is a conditional update (a task still queued, a
  // free slot), so two replicas never place one task twice, and a replica hands what it places
  // straight to the long-polls open on it. Dispatching on the leader alone would send every
  // assignment through the log and the other replicas' polls, and stall dispatch during a takeover.
  const loop: Ticker = new Ticker(
    'dispatcher',
    opts.dispatchIntervalMs ?? 1_000,
    async () => {
      if ((await dispatcher.dispatchOnce()).more) loop.kick();
    },
    clock,
    log,
    { scope: 'replica', minKickGapMs: opts.dispatchMinGapMs ?? 5 },
  );
  const module: CoreModule = {
    name: 'dispatch',
    loops: [
      loop,
      new Ticker(
        'decision-pruner',
        60_000,
        async () => void (await store.stats.pruneDecisions(opts.decisionHistory ?? 200_000)),
        clock,
        log,
        { scope: 'cluster' },
      ),
    ],
    start() {
      void routing.load().catch((err) => log.error({ err }, 'loading the routing policy failed; the default applies'));
    },
    onEvent(e) {
      if (e.name === 'agent:deregistered') signals.forget(e.payload.agentId);
      // Outcomes from every replica feed the routing signals.
      if (
        e.name === 'task:completed' &&
        (e.payload.status === 'succeeded' || e.payload.status === 'failed' || e.payload.status === 'dead-lettered')
      ) {
        signals.recordOutcome(e.payload.agentId, {
          ok: e.payload.status === 'succeeded',
          durationMs: e.payload.durationMs ?? null,
          at: e.at,
        });
        if (e.payload.contextKey) signals.recordContext(e.payload.agentId, e.payload.contextKey);
      }
      // A last attempt that failed on its agent ends in the dead-letter queue: a failure all the same.
      if ((e.name === 'task:requeued' || e.name === 'task:dead-lettered') && e.payload.agentId)
        signals.recordOutcome(e.payload.agentId, { ok: false, durationMs: null, at: e.at });
      if (e.name === 'routing:changed')
        void routing.load().catch((err) => log.error({ err }, 'reloading the routing policy failed'));
    },
  };
  return { dispatcher, routing, signals, loop, module };
}
