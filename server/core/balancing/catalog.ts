import { z } from 'zod';
import { invalid } from '../errors';
import { CAPABILITY_WEIGHTED_WEIGHTS, CapabilityWeighted } from './capability-weighted';
import { COMPOSITE_WEIGHTS, Composite } from './composite';
import { CONTEXT_AFFINITY_WEIGHTS, ContextAffinity } from './context-affinity';
import { LEAST_LOADED_WEIGHTS, LeastLoaded } from './least-loaded';
import { POWER_OF_TWO_WEIGHTS, PowerOfTwo } from './power-of-two';
import { ROUND_ROBIN_WEIGHTS, RoundRobin } from './round-robin';
import type { RoutingStrategy } from './strategy';

export const STRATEGY_NAMES = [
  'composite',
  'least-loaded',
  'round-robin',
  'capability-weighted',
  'context-affinity',
  'power-of-two',
] as const;
export type StrategyName = (typeof STRATEGY_NAMES)[number];

interface Entry {
  description: string;
  /** Default parameters; their keys are the only ones a config may set. */
  weights: Readonly<Record<string, number>>;
  create(weights: Record<string, number>): RoutingStrategy;
}

const STRATEGIES: Record<StrategyName, Entry> = {
  composite: {
    description:
      'Weighted sum of capability fit, free capacity, context affinity, health, recent success rate, latency and breaker state. The default.',
    weights: COMPOSITE_WEIGHTS,
    create: (w) => new Composite(w),
  },
  'least-loaded': {
    description:
      'The agent with the most free capacity (as a share of its own maximum) wins; ties go to the one assigned least recently.',
    weights: LEAST_LOADED_WEIGHTS,
    create: () => new LeastLoaded(),
  },
  'round-robin': {
    description: 'Agents take turns in a stable order, whatever their load.',
    weights: ROUND_ROBIN_WEIGHTS,
    create: () => new RoundRobin(),
  },
  'capability-weighted': {
    description:
      'The most proficient agent on the required capabilities wins, discounted by its load (proficiency^p × free capacity^l).',
    weights: CAPABILITY_WEIGHTED_WEIGHTS,
    create: (w) => new CapabilityWeighted(w),
  },
  'context-affinity': {
    description:
      "Sticky by context key: an agent that holds the task's context wins; a busy holder is waited for up to stickyMs, then the least-loaded agent wins.",
    weights: CONTEXT_AFFINITY_WEIGHTS,
    create: (w) => new ContextAffinity(w),
  },
  'power-of-two': {
    description: 'Two agents picked at random, the less loaded wins: near least-loaded balance at constant cost.',
    weights: POWER_OF_TWO_WEIGHTS,
    create: () => new PowerOfTwo(),
  },
};

export type StrategyConfig = { name: StrategyName; weights?: Record<string, number> };

/** A strategy and optionally some of its parameters; unknown keys and negative or non-finite values are refused. */
export const StrategyConfigInput = z
  .object({
    name: z.enum(STRATEGY_NAMES, { error: `strategy must be one of: ${STRATEGY_NAMES.join(', ')}` }),
    weights: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine((config, ctx) => {
    const known = Object.keys(STRATEGIES[config.name].weights);
    for (const [key, value] of Object.entries(config.weights ?? {})) {
      if (!known.includes(key)) {
        const expected = known.length ? `known: ${known.join(', ')}` : 'it takes none';
        ctx.addIssue({
          code: 'custom',
          path: ['weights', key],
          message: `unknown weight "${key}" for ${config.name} (${expected})`,
        });
      } else if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['weights', key],
          message: `weight "${key}" must be a finite number ≥ 0`,
        });
      }
    }
  })
  .transform((config) => config as StrategyConfig);

export const DEFAULT_STRATEGY: StrategyConfig = { name: 'composite' };

/** A fresh strategy instance (strategies keep per-instance state such as the round-robin cursor). */
export function createStrategy(config: StrategyConfig): RoutingStrategy {
  const parsed = StrategyConfigInput.safeParse(config);
  if (!parsed.success) {
    throw invalid(parsed.error.issues.map((i) => i.message).join('; '), { issues: parsed.error.issues });
  }
  return STRATEGIES[parsed.data.name].create(parsed.data.weights ?? {});
}

export interface StrategyDescription {
  name: StrategyName;
  description: string;
  /** Default parameters. */
  weights: Record<string, number>;
}

/** Every strategy with its description and default parameters, for the UI. */
export function describeStrategies(): StrategyDescription[] {
  return STRATEGY_NAMES.map((name) => ({
    name,
    description: STRATEGIES[name].description,
    weights: { ...STRATEGIES[name].weights },
  }));
}
