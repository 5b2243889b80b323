import { describeActor, actorRef } from '../access/actor';
import { authorizeCall } from '../access/authorize';
import type { RequestContext } from '../access/request-context';
import type { BreakerService } from '../breakers/breaker-service';
import { conflict, invalid } from '../errors';
import type { PoolService } from '../pools/pool-service';
import type { Store } from '../ports';
import type { AgentLifecycle } from '../registry/agent-lifecycle';
import type { DeadLetters } from '../tasks/dead-letters';
import type { RemedyAction, RemedyInput } from './alert-input';
import type { Alert } from './alert-model';
import type { Targets } from './alert-affects';

export interface Remedy {
  action: RemedyAction;
  /** What the button says: "Reset the breaker of build-3". */
  label: string;
}

export interface RemedyParts {
  store: Store;
  lifecycle: AgentLifecycle;
  breakers: BreakerService;
  deadLetters: DeadLetters;
  pools: PoolService;
}

/** The verb a remedy calls: the actor needs its permission as well as alerts:operate. */
const VERB: Record<RemedyAction, Parameters<typeof authorizeCall>[1]> = {
  'drain-agent': 'agents.drain',
  'restart-agent': 'agents.terminate',
  'retry-dead-letters': 'tasks.retryDeadLetters',
  'scale-pool': 'pools.update',
  'reset-breaker': 'agents.resetBreaker',
  'wake-pool': 'agents.wake',
};

const MAX_WAKE = 10;
const CAPACITY_METRICS = new Set([
  'queue_depth',
  'unservable_queued',
  'pool_at_max_backlog',
  'pool_sleep_window_backlog',
]);

/** Which remedies apply to an alert of this metric, given what its labels point at now. */
export function remediesFor(metric: string | undefined, alert: Alert, t: Targets): Remedy[] {
  const out: Remedy[] = [];
  const agent = t.agent;
  const target = agent?.name ?? alert.labels.agent ?? alert.labels.runtime;
  if (metric === 'breaker_open') out.push({ action: 'reset-breaker', label: `Reset the breaker of ${target}` });
  if (agent && agent.status !== 'terminated') {
    if (['idle', 'starting', 'unhealthy'].includes(agent.status))
      out.push({ action: 'drain-agent', label: `Drain ${agent.name}` });
    if (agent.poolId) out.push({ action: 'restart-agent', label: `Restart ${agent.name} (its pool starts a new one)` });
  }
  if (metric === 'dead_letter_growth' && t.capability)
    out.push({ action: 'retry-dead-letters', label: `Retry the ${t.capability} dead letters` });
  // More agents help only where work waits for capacity.
  if (!CAPACITY_METRICS.has(metric ?? '')) return out;
  const sleeping = t.agents.filter((a) => a.status === 'sleeping').length;
  if (sleeping) {
    const n = Math.min(sleeping, MAX_WAKE);
    out.push({ action: 'wake-pool', label: `Wake ${n} sleeping agent${n === 1 ? '' : 's'}` });
  }
  const pool = scalablePool(t);
  if (pool) out.push({ action: 'scale-pool', label: `Add an agent to pool ${pool.name}` });
  return out;
}

/** A disabled pool starts nothing however large its minimum: only an enabled one can take the work. */
const scalablePool = (t: Targets, id?: string) => t.pools.find((p) => p.enabled && (!id || p.id === id));

/** Runs the remedy through the core verb it names, as the caller; answers what it did, for the timeline. */
export async function runRemedy(
  req: RequestContext,
  parts: RemedyParts,
  alert: Alert,
  t: Targets,
  input: RemedyInput,
): Promise<string> {
  authorizeCall(req.actor, VERB[input.action]);
  const who = describeActor(actorRef(req.actor));
  switch (input.action) {
    case 'drain-agent': {
      if (!t.agent) throw conflict(`alert ${alert.id} names no agent to drain`);
      await parts.lifecycle.drain(req, t.agent.id);
      return `drained agent ${t.agent.name}`;
    }
    case 'restart-agent': {
      if (!t.agent?.poolId) throw conflict(`alert ${alert.id} names no pool-managed agent to restart`);
      await parts.lifecycle.terminate(req, t.agent.id, `restarted from alert ${alert.id} by ${who}`);
      return `terminated agent ${t.agent.name} so its pool starts a new one`;
    }
    case 'retry-dead-letters': {
      if (!t.capability) throw conflict(`alert ${alert.id} names no capability whose dead letters to retry`);
      const { count } = await parts.deadLetters.retryMatching(req, { capability: t.capability });
      return `retried ${count} dead-lettered ${t.capability} task${count === 1 ? '' : 's'}`;
    }
    case 'reset-breaker':
      return resetBreaker(req, parts, alert, t);
    case 'scale-pool':
      return scalePool(req, parts, alert, t, input);
    case 'wake-pool': {
      const pool = input.poolId ?? alert.labels.pool_id;
      const sleeping = t.agents
        .filter((a) => a.status === 'sleeping' && (!pool || a.poolId === pool))
        .slice(0, MAX_WAKE);
      if (!sleeping.length) throw conflict(`no sleeping agent to wake for alert ${alert.id}`);
      for (const a of sleeping) await parts.lifecycle.wake(req, a.id);
      return `woke ${sleeping.map((a) => a.name).join(', ')}`;
    }
  }
}

async function resetBreaker(req: RequestContext, parts: RemedyParts, alert: Alert, t: Targets): Promise<string> {
  if (alert.labels.breaker === 'runtime') {
    const runtime = alert.labels.runtime;
    const any = t.agents.find((a) => a.runtime === runtime);
    if (!any) throw conflict(`no agent of runtime ${runtime} is known to reset its breaker through`);
    await parts.breakers.reset(req, any.id, 'runtime');
    return `reset the breaker of runtime ${runtime}`;
  }
  if (!t.agent) throw conflict(`alert ${alert.id} names no agent whose breaker to reset`);
  await parts.breakers.reset(req, t.agent.id, 'agent');
  return `reset the breaker of ${t.agent.name}`;
}

/** Raises the pool's minimum (and maximum, if needed) to its size plus `by`: the autoscaler starts the agents. */
async function scalePool(req: RequestContext, parts: RemedyParts, alert: Alert, t: Targets, input: RemedyInput) {
  const pool = scalablePool(t, input.poolId);
  if (!pool) throw (input.poolId ? invalid : conflict)(`poolId: alert ${alert.id} concerns no such enabled pool`);
  const current = await parts.pools.get(pool.id);
  const size = (await parts.store.pools.agentsOf(pool.id)).filter((a) => a.status !== 'terminated').length;
  const minSize = Math.max(current.minSize, size + (input.by ?? 1));
  await parts.pools.update(req, { id: pool.id, minSize, maxSize: Math.max(current.maxSize, minSize) });
  return `raised pool ${pool.name}'s minimum size to ${minSize} (it had ${size} agent${size === 1 ? '' : 's'})`;
}
