/**
 * Every metric an alert rule can watch: the one list the built-in rules, operators' rules, the
 * readings adapter and the docs share. `params` are the metric's settings a rule may override.
 */
export interface MetricSpec {
  name: string;
  description: string;
  /** The labels each reading carries (what a rule may filter and group by). */
  labels: readonly string[];
  unit: 'tasks' | 'percent' | 'ms' | 'seconds' | 'count' | 'boolean';
  params: Record<string, number>;
}

const MIN = 60_000;

export const METRICS = [
  {
    name: 'queue_depth',
    description: 'Queued tasks needing each capability',
    labels: ['capability'],
    unit: 'tasks',
    params: {},
  },
  {
    name: 'unservable_queued',
    description: 'Queued tasks needing a capability that no healthy agent (starting, idle or busy) has',
    labels: ['capability'],
    unit: 'tasks',
    params: {},
  },
  {
    name: 'failure_rate_by_capability',
    description: 'Share of finished attempts that failed over the window, per capability (at least minTasks attempts)',
    labels: ['capability'],
    unit: 'percent',
    params: { windowMs: 15 * MIN, minTasks: 5 },
  },
  {
    name: 'failure_rate_by_runtime',
    description:
      'Share of finished attempts that failed over the window, per agent runtime (at least minTasks attempts)',
    labels: ['runtime'],
    unit: 'percent',
    params: { windowMs: 15 * MIN, minTasks: 5 },
  },
  {
    name: 'dispatch_latency_p95',
    description: 'p95 time from enqueue to assignment of the attempts assigned over the window',
    labels: [],
    unit: 'ms',
    params: { windowMs: 5 * MIN },
  },
  {
    name: 'agent_unhealthy',
    description: 'Seconds each unhealthy agent (missed heartbeats) has been so',
    labels: ['agent', 'agent_id', 'runtime'],
    unit: 'seconds',
    params: {},
  },
  {
    name: 'agent_offline',
    description: 'Seconds each offline agent (lost; its work requeued) has been so',
    labels: ['agent', 'agent_id', 'runtime'],
    unit: 'seconds',
    params: {},
  },
  {
    name: 'breaker_open',
    description: 'Seconds each open circuit breaker (an agent’s or a runtime’s) has been open',
    labels: ['breaker', 'target', 'agent', 'agent_id', 'runtime'],
    unit: 'seconds',
    params: {},
  },
  {
    name: 'dead_letter_growth',
    description: 'Tasks dead-lettered over the window, per capability',
    labels: ['capability'],
    unit: 'tasks',
    params: { windowMs: 15 * MIN },
  },
  {
    name: 'agent_context_used',
    description: 'Share of its context window each agent reports in use',
    labels: ['agent', 'agent_id'],
    unit: 'percent',
    params: {},
  },
  {
    name: 'agent_rate_limited',
    description: 'Seconds each agent has been rate-limited (parked or reporting rate-limited)',
    labels: ['agent', 'agent_id'],
    unit: 'seconds',
    params: {},
  },
  {
    name: 'pool_at_max_backlog',
    description: 'Queued tasks a pool could take while it is held at its maximum size',
    labels: ['pool', 'pool_id'],
    unit: 'boolean',
    params: {},
  },
  {
    name: 'pool_crash_looping',
    description: 'Pools held back because their agents keep crashing',
    labels: ['pool', 'pool_id'],
    unit: 'boolean',
    params: {},
  },
  {
    name: 'pool_sleep_window_backlog',
    description: 'Pools held asleep by a sleep window while work they could take waits',
    labels: ['pool', 'pool_id'],
    unit: 'boolean',
    params: {},
  },
  {
    name: 'leader_changes',
    description: 'Changes of the cluster leader over the window (a lost lease shows as a change)',
    labels: [],
    unit: 'count',
    params: { windowMs: 15 * MIN },
  },
] as const satisfies readonly MetricSpec[];

export type MetricName = (typeof METRICS)[number]['name'];
export const METRIC_NAMES = METRICS.map((m) => m.name) as [MetricName, ...MetricName[]];

export const metricSpec = (name: string): MetricSpec | undefined => METRICS.find((m) => m.name === name);

/** The metric's settings with a rule's overrides; unknown keys are dropped. */
export function effectiveParams(metric: string, params: Record<string, unknown>): Record<string, number> {
  const spec = metricSpec(metric);
  const out: Record<string, number> = { ...spec?.params };
  for (const k of Object.keys(out)) if (typeof params[k] === 'number') out[k] = params[k] as number;
  return out;
}

/** One reading request per metric and settings: rules sharing both share the reading. */
export const readingKey = (metric: string, params: Record<string, number>): string =>
  `${metric}${JSON.stringify(Object.entries(params).sort(([a], [b]) => a.localeCompare(b)))}`;
