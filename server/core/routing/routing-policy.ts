import { type ActorRef, actorRef } from '../access/actor';
import type { RequestContext } from '../access/request-context';
import { z } from 'zod';
import {
  createStrategy,
  DEFAULT_STRATEGY,
  describeStrategies,
  StrategyConfigInput,
  type StrategyConfig,
} from '../balancing/catalog';
import type { RoutingStrategy } from '../balancing/strategy';
import type { Logger, Store } from '../ports';
import type { RoutingChange } from './ports';

export const GLOBAL_SCOPE = 'global';

export const SetRoutingInput = z.object({
  /** Pools get their own scope later; until then the policy is global. */
  scope: z.literal(GLOBAL_SCOPE).default(GLOBAL_SCOPE),
  strategy: StrategyConfigInput,
});

export interface RoutingState {
  scope: string;
  strategy: string;
  /** The parameters in force: the strategy's defaults overlaid with the configured ones. */
  weights: Record<string, number>;
  changedBy: ActorRef | null;
  changedAt: number | null;
}

/**
 * The routing policy in force: stored (so it survives restarts and is shared by replicas),
 * applied to the dispatcher, and every change recorded with who made it and when.
 */
export class RoutingPolicy {
  private state: RoutingState;

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    private readonly apply: (strategy: RoutingStrategy) => void,
  ) {
    this.state = toState(null, createStrategy(DEFAULT_STRATEGY));
  }

  /** Loads the stored policy (at start, and when another replica changed it). */
  async load(): Promise<void> {
    const change = await this.store.routing.current(GLOBAL_SCOPE);
    if (!change) return;
    try {
      const strategy = createStrategy({ name: change.strategy, weights: change.weights } as StrategyConfig);
      this.state = toState(change, strategy);
      this.apply(strategy);
    } catch (err) {
      // A stored policy this version does not know (downgrade): keep the default and say so.
      this.log.warn({ err, strategy: change.strategy }, 'stored routing policy not applied');
    }
  }

  async set(req: RequestContext, raw: z.input<typeof SetRoutingInput>): Promise<RoutingState> {
    const input = SetRoutingInput.parse(raw);
    const changedBy = actorRef(req.actor);
    const strategy = createStrategy(input.strategy);
    // The weights in force (defaults included), so the record reads the same after defaults change.
    const change = await this.store.routing.record({
      scope: input.scope,
      strategy: strategy.name,
      weights: { ...strategy.weights },
      changedBy,
    });
    this.state = toState(change, strategy);
    this.apply(strategy);
    return this.state;
  }

  current(): RoutingState {
    return this.state;
  }

  history(limit: number): Promise<RoutingChange[]> {
    return this.store.routing.history(limit);
  }

  strategies() {
    return describeStrategies();
  }
}

function toState(change: RoutingChange | null, strategy: RoutingStrategy): RoutingState {
  return {
    scope: GLOBAL_SCOPE,
    strategy: strategy.name,
    weights: { ...strategy.weights },
    changedBy: change?.changedBy ?? null,
    changedAt: change?.changedAt ?? null,
  };
}
