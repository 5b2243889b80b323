import type { AgentState } from '../model';

export interface ScalePool {
  name: string;
  capabilities: string[];
  minSize: number;
  maxSize: number;
  targetBacklogPerAgent: number;
  scaleUpCooldownMs: number;
  scaleDownCooldownMs: number;
  idleTimeoutMs: number;
  lastScaleUpAt: number | null;
  lastScaleDownAt: number | null;
}

export interface ScaleMember {
  agentId: string;
  name: string;
  /** Shown state (`busy` when an idle agent holds work). */
  status: AgentState;
  activeTasks: number;
  idleForMs: number;
}

export interface ScaleInputs {
  pool: ScalePool;
  /** Queued tasks this pool's agents could run. */
  backlog: number;
  members: readonly ScaleMember[];
  now: number;
  /** The sleep window in force, if any. */
  sleepWindow: string | null;
}

export type ScaleAction = 'scale-up' | 'scale-down' | 'sleep' | 'hold' | 'none';

export interface ScaleDecision {
  action: ScaleAction;
  /** Change in awake agents. */
  delta: number;
  start: number;
  wake: string[];
  sleep: string[];
  remove: string[];
  reason: string;
}

const NONE: ScaleDecision = { action: 'none', delta: 0, start: 0, wake: [], sleep: [], remove: [], reason: '' };
const secs = (ms: number) => `${Math.ceil(ms / 1000)} s`;
const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/**
 * One autoscaler step for one pool, from its inputs alone. Up: enough awake agents for the
 * backlog at the pool's target per agent, waking sleepers before starting new ones, never past
 * `maxSize` or inside the scale-up cool-down. Down: agents idle past `idleTimeoutMs` that the
 * backlog does not need are removed down to `minSize` (outside the scale-down cool-down); idle
 * ones within the minimum sleep. A sleep window puts every idle agent to sleep and wakes none.
 */
export function decideScale({ pool, backlog, members, now, sleepWindow }: ScaleInputs): ScaleDecision {
  const size = members.length;
  const sleeping = members.filter((m) => m.status === 'sleeping');
  const awake = size - sleeping.length;
  const caps = pool.capabilities.map((c) => `\`${c}\``).join(', ');
  const needed = Math.min(pool.maxSize, Math.ceil(backlog / pool.targetBacklogPerAgent));
  const head = `backlog ${backlog} for ${caps}, ${plural(awake, 'agent')} awake, target ${pool.targetBacklogPerAgent}/agent`;
  const idle = members
    .filter((m) => m.status === 'idle' && m.activeTasks === 0)
    .sort((a, b) => b.idleForMs - a.idleForMs || (a.name < b.name ? -1 : 1));

  if (size > pool.maxSize) {
    const remove = idle.slice(0, size - pool.maxSize).map((m) => m.agentId);
    if (remove.length) return { ...NONE, action: 'scale-down', delta: -remove.length, remove, reason: `${size} agents, above max ${pool.maxSize} → −${remove.length}` };
  }
  if (size < pool.minSize) {
    const start = pool.minSize - size;
    return { ...NONE, action: 'scale-up', delta: start, start, reason: `${plural(size, 'agent')}, below min ${pool.minSize} → +${start}` };
  }
  if (sleepWindow) {
    const sleep = idle.map((m) => m.agentId);
    return sleep.length ? { ...NONE, action: 'sleep', delta: -sleep.length, sleep, reason: `sleep window ${sleepWindow}: ${plural(sleep.length, 'idle agent')} to sleep` } : NONE;
  }
  if (needed > awake) {
    const sinceUp = pool.lastScaleUpAt === null ? Infinity : now - pool.lastScaleUpAt;
    if (sinceUp < pool.scaleUpCooldownMs) {
      return { ...NONE, action: 'hold', reason: `${head} → +${needed - awake} held: scale-up cool-down, ${secs(pool.scaleUpCooldownMs - sinceUp)} left` };
    }
    const want = needed - awake;
    const wake = sleeping.slice(0, want).map((m) => m.agentId);
    const start = Math.min(want - wake.length, pool.maxSize - size);
    const delta = wake.length + start;
    if (delta <= 0) return NONE;
    const how = [wake.length ? `wake ${wake.length}` : '', start ? `start ${start}` : ''].filter(Boolean).join(', ');
    const capped = needed === pool.maxSize && Math.ceil(backlog / pool.targetBacklogPerAgent) > pool.maxSize ? ` (max ${pool.maxSize})` : '';
    return { ...NONE, action: 'scale-up', delta, start, wake, reason: `${head} → +${delta}${capped} (${how})` };
  }
  const surplus = awake - needed;
  const expired = idle.filter((m) => m.idleForMs >= pool.idleTimeoutMs).slice(0, Math.max(0, surplus));
  if (!expired.length) return NONE;
  const removable = Math.max(0, size - pool.minSize);
  const sinceDown = pool.lastScaleDownAt === null ? Infinity : now - pool.lastScaleDownAt;
  const remove = sinceDown >= pool.scaleDownCooldownMs ? expired.slice(0, removable).map((m) => m.agentId) : [];
  const sleep = expired.slice(remove.length).filter((_, i) => remove.length + i >= removable).map((m) => m.agentId);
  const idleFor = `idle ≥ ${secs(pool.idleTimeoutMs)}`;
  if (remove.length) {
    const also = sleep.length ? `, ${sleep.length} within min ${pool.minSize} to sleep` : '';
    return { ...NONE, action: 'scale-down', delta: -(remove.length + sleep.length), remove, sleep, reason: `${head}: ${plural(remove.length, 'agent')} ${idleFor} → −${remove.length}${also}` };
  }
  if (sleep.length) return { ...NONE, action: 'sleep', delta: -sleep.length, sleep, reason: `${head}: ${plural(sleep.length, 'agent')} ${idleFor} within min ${pool.minSize} → sleep` };
  return { ...NONE, action: 'hold', reason: `${head}: ${plural(expired.length, 'agent')} ${idleFor} → −${expired.length} held: scale-down cool-down, ${secs(pool.scaleDownCooldownMs - sinceDown)} left` };
}
