import type { AgentState } from '../model';
import type { PoolHold } from './pool-model';
import { formatLocal } from './sleep-windows';

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
  /** The IANA zone times are shown in (the sleep windows' zone). */
  timeZone?: string;
}

export interface ScaleMember {
  agentId: string;
  name: string;
  /** Shown state (`busy` when an idle agent holds work). */
  status: AgentState;
  activeTasks: number;
  idleForMs: number;
}

/** The sleep window in force: its text, and when the pool wakes (null: never). */
export interface ActiveSleep {
  text: string;
  until: number | null;
}

export interface ScaleInputs {
  pool: ScalePool;
  /** Queued tasks this pool's agents could run. */
  backlog: number;
  members: readonly ScaleMember[];
  now: number;
  /** The sleep window in force, if any. */
  sleepWindow: ActiveSleep | null;
  /** A crash loop the pool is holding back for: nothing new is started while it lasts. */
  crashLoop?: PoolHold | null;
  /** False when this server has no provider of the pool's kind: nothing can be started or woken. */
  providerAvailable?: boolean;
  providerKind?: string;
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
  /** Set when the action is `hold`: what holds the pool back. */
  hold: PoolHold | null;
}

const NONE: ScaleDecision = {
  action: 'none',
  delta: 0,
  start: 0,
  wake: [],
  sleep: [],
  remove: [],
  reason: '',
  hold: null,
};
const secs = (ms: number) => `${Math.ceil(ms / 1000)} s`;
const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
/** A hold: the decision's reason ends with `tail` (the hold's own sentence unless given). */
const held = (reason: string, hold: PoolHold, tail = hold.message): ScaleDecision => ({
  ...NONE,
  action: 'hold',
  reason: `${reason} held: ${tail}`,
  hold,
});

/**
 * One autoscaler step for one pool, from its inputs alone. Up: enough awake agents for the
 * backlog at the pool's target per agent, waking sleepers before starting new ones, never past
 * `maxSize` or inside the scale-up cool-down. Down: agents idle past `idleTimeoutMs` that the
 * backlog does not need are removed down to `minSize` (outside the scale-down cool-down); idle
 * ones within the minimum sleep. A sleep window puts every idle agent to sleep and wakes none.
 * Whatever keeps backlog waiting (window, cool-down, max size, crash loop) is a `hold`.
 */
export function decideScale({
  pool,
  backlog,
  members,
  now,
  sleepWindow,
  crashLoop = null,
  providerAvailable = true,
  providerKind = 'its',
}: ScaleInputs): ScaleDecision {
  const size = members.length;
  const sleeping = members.filter((m) => m.status === 'sleeping');
  const awake = size - sleeping.length;
  const tz = pool.timeZone ?? 'UTC';
  const caps = pool.capabilities.map((c) => `\`${c}\``).join(', ');
  const wanted = Math.ceil(backlog / pool.targetBacklogPerAgent);
  const needed = Math.min(pool.maxSize, wanted);
  const head = `backlog ${backlog} for ${caps}, ${plural(awake, 'agent')} awake, target ${pool.targetBacklogPerAgent}/agent`;
  const idle = members
    .filter((m) => m.status === 'idle' && m.activeTasks === 0)
    .sort((a, b) => b.idleForMs - a.idleForMs || (a.name < b.name ? -1 : 1));
  const noProvider: PoolHold = {
    kind: 'provider-unavailable',
    key: `provider-unavailable:${providerKind}`,
    until: null,
    message: `cannot start agents: the ${providerKind} provider is not available on this server`,
  };

  if (size > pool.maxSize) {
    const remove = idle.slice(0, size - pool.maxSize).map((m) => m.agentId);
    if (remove.length)
      return {
        ...NONE,
        action: 'scale-down',
        delta: -remove.length,
        remove,
        reason: `${size} agents, above max ${pool.maxSize} → −${remove.length}`,
      };
  }
  if (size < pool.minSize) {
    const start = pool.minSize - size;
    const reason = `${plural(size, 'agent')}, below min ${pool.minSize} → +${start}`;
    if (crashLoop) return held(reason, crashLoop);
    if (!providerAvailable) return held(reason, noProvider);
    return { ...NONE, action: 'scale-up', delta: start, start, reason };
  }
  if (sleepWindow) {
    const sleep = idle.map((m) => m.agentId);
    if (sleep.length)
      return {
        ...NONE,
        action: 'sleep',
        delta: -sleep.length,
        sleep,
        reason: `sleep window \`${sleepWindow.text}\` (${tz}): ${plural(sleep.length, 'idle agent')} to sleep`,
      };
    if (needed <= awake) return NONE;
    const until = sleepWindow.until === null ? ' (it never ends)' : ` until ${formatLocal(sleepWindow.until, tz)}`;
    return held(
      `${head} → +${needed - awake}`,
      {
        kind: 'sleep-window',
        key: `sleep-window:${sleepWindow.text}:${sleepWindow.until}`,
        until: sleepWindow.until,
        message: `is asleep${until} (sleep window \`${sleepWindow.text}\` ${tz})`,
      },
      `sleep window \`${sleepWindow.text}\` (${tz})${until}`,
    );
  }
  if (needed > awake) {
    const want = needed - awake;
    if (crashLoop) return held(`${head} → +${want}`, crashLoop);
    if (!providerAvailable) return held(`${head} → +${want}`, noProvider);
    const sinceUp = pool.lastScaleUpAt === null ? Infinity : now - pool.lastScaleUpAt;
    if (sinceUp < pool.scaleUpCooldownMs) {
      const until = pool.lastScaleUpAt! + pool.scaleUpCooldownMs;
      return held(
        `${head} → +${want}`,
        {
          kind: 'scale-up-cooldown',
          key: `scale-up-cooldown:${until}`,
          until,
          message: `is in its scale-up cool-down until ${formatLocal(until, tz, true)}`,
        },
        `scale-up cool-down, ${secs(until - now)} left`,
      );
    }
    const wake = sleeping.slice(0, want).map((m) => m.agentId);
    const start = Math.min(want - wake.length, pool.maxSize - size);
    const delta = wake.length + start;
    if (delta > 0) {
      const how = [wake.length ? `wake ${wake.length}` : '', start ? `start ${start}` : ''].filter(Boolean).join(', ');
      const capped = needed === pool.maxSize && wanted > pool.maxSize ? ` (max ${pool.maxSize})` : '';
      return { ...NONE, action: 'scale-up', delta, start, wake, reason: `${head} → +${delta}${capped} (${how})` };
    }
  }
  if (wanted > awake && awake >= pool.maxSize) {
    return held(
      `${head} → +${wanted - awake}`,
      {
        kind: 'max-size',
        key: `max-size:${pool.maxSize}`,
        until: null,
        message: `is at its max size (${plural(pool.maxSize, 'agent')})`,
      },
      `max size ${pool.maxSize}`,
    );
  }
  const surplus = awake - needed;
  const expired = idle.filter((m) => m.idleForMs >= pool.idleTimeoutMs).slice(0, Math.max(0, surplus));
  if (!expired.length) return NONE;
  const removable = Math.max(0, size - pool.minSize);
  const sinceDown = pool.lastScaleDownAt === null ? Infinity : now - pool.lastScaleDownAt;
  const remove = sinceDown >= pool.scaleDownCooldownMs ? expired.slice(0, removable).map((m) => m.agentId) : [];
  const sleep = expired
    .slice(remove.length)
    .filter((_, i) => remove.length + i >= removable)
    .map((m) => m.agentId);
  const idleFor = `idle ≥ ${secs(pool.idleTimeoutMs)}`;
  if (remove.length) {
    const also = sleep.length ? `, ${sleep.length} within min ${pool.minSize} to sleep` : '';
    return {
      ...NONE,
      action: 'scale-down',
      delta: -(remove.length + sleep.length),
      remove,
      sleep,
      reason: `${head}: ${plural(remove.length, 'agent')} ${idleFor} → −${remove.length}${also}`,
    };
  }
  if (sleep.length)
    return {
      ...NONE,
      action: 'sleep',
      delta: -sleep.length,
      sleep,
      reason: `${head}: ${plural(sleep.length, 'agent')} ${idleFor} within min ${pool.minSize} → sleep`,
    };
  const until = pool.lastScaleDownAt! + pool.scaleDownCooldownMs;
  return held(
    `${head}: ${plural(expired.length, 'agent')} ${idleFor} → −${expired.length}`,
    {
      kind: 'scale-down-cooldown',
      key: `scale-down-cooldown:${until}`,
      until,
      message: `is in its scale-down cool-down until ${formatLocal(until, tz, true)}`,
    },
    `scale-down cool-down, ${secs(until - now)} left`,
  );
}
