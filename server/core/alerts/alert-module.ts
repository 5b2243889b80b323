import type { BreakerService } from '../breakers/breaker-service';
import type { EventName } from '../events';
import type { PoolService } from '../pools/pool-service';
import type { AgentLifecycle } from '../registry/agent-lifecycle';
import type { CoreDeps, CoreModule } from '../shared/core-module';
import { Ticker } from '../shared/ticker';
import type { DeadLetters } from '../tasks/dead-letters';
import { DEFAULT_RESOLVE_DELAY_MS } from './alert-engine';
import { AlertEvaluator } from './alert-evaluator';
import { AlertRules } from './alert-rules';
import { AlertService } from './alert-service';

export interface AlertOptions {
  /** How often the rules are evaluated (default 5 s); state changes kick a pass sooner. */
  evalIntervalMs?: number;
  /** How long a firing alert's condition must stay clear before it resolves (default 30 s). */
  resolveDelayMs?: number;
}

/** Events after which an alert's condition may have changed: evaluate soon rather than at the next tick. */
const KICKS = new Set<EventName>([
  'task:submitted',
  'task:released',
  'task:dead-lettered',
  'agent:registered',
  'agent:changed',
  'agent:deregistered',
  'breaker:changed',
  'pool:scaled',
  'pool:changed',
  'cluster:leader-changed',
]);

/** Alert rules, the evaluator (a cluster loop: the leader evaluates), and the operator's verbs. */
export function createAlertModule(
  deps: CoreDeps,
  opts: AlertOptions,
  parts: { lifecycle: AgentLifecycle; breakers: BreakerService; deadLetters: DeadLetters; pools: PoolService },
) {
  const { store, clock, log } = deps;
  const kick = () => loop.kick();
  const rules = new AlertRules(store, kick, () => clock.now());
  const evaluator = new AlertEvaluator(
    store,
    rules,
    clock,
    log.child({ part: 'alerts' }),
    opts.resolveDelayMs ?? DEFAULT_RESOLVE_DELAY_MS,
  );
  const loop: Ticker = new Ticker('alert-evaluator', opts.evalIntervalMs ?? 5_000, () => evaluator.pass(), clock, log, {
    scope: 'cluster',
    minKickGapMs: Math.min(1_000, opts.evalIntervalMs ?? 5_000),
  });
  const alerts = new AlertService({ ...parts, store, clock }, kick);
  const module: CoreModule = {
    name: 'alerts',
    loops: [loop],
    onEvent(e) {
      if (KICKS.has(e.name)) loop.kick();
    },
  };
  return { alerts, rules, evaluator, loop, module };
}
