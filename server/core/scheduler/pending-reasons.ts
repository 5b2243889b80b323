import { NEUTRAL_SIGNALS, type AgentSignals } from '../balancing/strategy';
import type { Task } from '../model';
import { holdLabel } from './agent-hold';
import { HELD, UNROUTABLE_STATES, type RosterIndex } from './roster-index';

export const PENDING_CODES = [
  'blocked',
  'concurrency-key-full',
  'no-capable-agent',
  'all-busy',
  'agents-unavailable',
  'waiting-for-context',
  'behind-higher-priority',
  'dispatching',
  'pool-held',
  'hook-held',
] as const;
export type PendingCode = (typeof PENDING_CODES)[number];

/** Why a task is still waiting: a code for machines and filters, a sentence for people. */
export interface PendingReason {
  code: PendingCode;
  message: string;
}

export interface Blocker {
  taskId: string;
  status: string;
}

export interface ConcurrencyUsage {
  key: string;
  running: number;
  limit: number;
}

export interface PendingFacts {
  index: RosterIndex;
  /** Neutral for every agent when absent. */
  signals?: (agentId: string) => AgentSignals;
  /** Strategy waits the dispatcher remembered, by task id. */
  waits?: ReadonlyMap<string, string>;
  /** Clock time, for holds that end (a pre-assignment hook's veto). */
  now?: number;
}

export interface TaskFacts {
  /** Unfinished dependencies. */
  blockedBy?: readonly Blocker[];
  concurrency?: ConcurrencyUsage | null;
  /** Queued tasks ahead of this one; with a free agent, 0 means it is next. */
  ahead?: number;
}

export interface QueueFacts extends PendingFacts {
  blockedBy?: ReadonlyMap<string, readonly Blocker[]>;
  concurrency?: ReadonlyMap<string, ConcurrencyUsage>;
}

/** One queued task's reason, from the current roster. */
export function explainPending(task: Task, facts: PendingFacts & TaskFacts): PendingReason {
  return explain(task, facts, facts.blockedBy, facts.concurrency, facts.ahead ?? 0, null);
}

/**
 * Every task's reason, `tasks` in queue order, against one index. Free slots are handed out in
 * that order (first free agent, not the strategy's pick), so a task whose matching slots go
 * to tasks ahead of it is `behind-higher-priority` rather than `dispatching`.
 */
export function explainQueue(tasks: readonly Task[], facts: QueueFacts): Map<string, PendingReason> {
  const claims = new Int32Array(facts.index.size);
  const out = new Map<string, PendingReason>();
  tasks.forEach((task, ahead) => {
    out.set(
      task.id,
      explain(task, facts, facts.blockedBy?.get(task.id), facts.concurrency?.get(task.id), ahead, claims),
    );
  });
  return out;
}

const neutral = (): AgentSignals => NEUTRAL_SIGNALS;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const quote = (names: readonly string[]) => names.map((n) => `\`${n}\``).join(', ');

function explain(
  task: Task,
  facts: PendingFacts,
  blockedBy: readonly Blocker[] | undefined,
  usage: ConcurrencyUsage | null | undefined,
  ahead: number,
  claims: Int32Array | null,
): PendingReason {
  if (blockedBy?.length) return { code: 'blocked', message: blockedMessage(blockedBy) };
  const hold = task.hookHold;
  if (hold && facts.now !== undefined && hold.until > facts.now)
    return { code: 'hook-held', message: `${hold.reason}; offered again in ~${formatWait(hold.until - facts.now)}` };
  if (usage && usage.running >= usage.limit) {
    return {
      code: 'concurrency-key-full',
      message: `concurrency key \`${usage.key}\` full (${usage.running}/${usage.limit})`,
    };
  }
  const { index } = facts;
  const signals = facts.signals ?? neutral;
  const capable = index.capable(task.capabilities);
  if (!capable.length) return { code: 'no-capable-agent', message: noCapableMessage(task, index) };

  let freeNow = false;
  let take = -1;
  for (let p = 0; p < capable.length && take < 0; p++) {
    const i = capable[p];
    const a = index.agents[i];
    if (!index.isRoutable(i) || a.activeTasks >= a.maxConcurrency || signals(a.id).breaker === 'open') continue;
    freeNow = true;
    if (!claims || a.activeTasks + claims[i] < a.maxConcurrency) take = i;
  }
  if (freeNow) {
    const wait = facts.waits?.get(task.id);
    if (wait !== undefined) return { code: 'waiting-for-context', message: wait };
    if (take >= 0 && (claims || ahead === 0)) {
      if (claims) claims[take]++;
      return { code: 'dispatching', message: 'a matching agent is free: the next dispatch pass assigns it' };
    }
    return { code: 'behind-higher-priority', message: `${plural(ahead, 'task')} ahead in the queue` };
  }
  return unavailableReason(capable, index, signals);
}

/** No capable agent is free: say what the capable agents are doing instead. */
function unavailableReason(
  capable: Int32Array,
  index: RosterIndex,
  signals: (id: string) => AgentSignals,
): PendingReason {
  const byState = new Int32Array(UNROUTABLE_STATES.length + 1);
  const held = new Map<string, number>();
  let busy = 0;
  let breakerOpen = 0;
  let soonest = Infinity;
  for (let p = 0; p < capable.length; p++) {
    const i = capable[p];
    const code = index.stateCode[i];
    if (code === HELD) {
      const label = holdLabel(index.agents[i].hold ?? 'held');
      held.set(label, (held.get(label) ?? 0) + 1);
    } else if (code !== 0) byState[code]++;
    else if (!index.isFull(i)) breakerOpen++;
    else {
      busy++;
      // An agent's median task time is the best guess for when one of its slots frees up.
      const latency = signals(index.agents[i].id).latencyMs;
      if (latency !== null && latency < soonest) soonest = latency;
    }
  }
  const others: [string, number][] = UNROUTABLE_STATES.map((s, k): [string, number] => [s, byState[k + 1]]);
  others.push(...held, ['behind an open breaker', breakerOpen]);
  const parts = others.filter(([, n]) => n > 0).sort((x, y) => y[1] - x[1]);
  const n = capable.length;
  const matches = n === 1 ? '1 agent matches' : `${n} agents match`;
  if (busy > 0) {
    const eta = soonest === Infinity ? '' : ` (next free in ~${formatWait(soonest)})`;
    if (busy === n) return { code: 'all-busy', message: `${matches}, ${n === 1 ? '' : 'all '}at capacity${eta}` };
    const rest = parts.map(([label, k]) => `${k} ${label}`).join(', ');
    return { code: 'all-busy', message: `${matches}: ${busy} at capacity${eta}, ${rest}` };
  }
  if (parts.length === 1) {
    const label = parts[0][0];
    return {
      code: 'agents-unavailable',
      message: n === 1 ? `${matches} but is ${label}` : `${matches} but are all ${label}`,
    };
  }
  const listed = parts.map(([label, k]) => `${label} (${k})`);
  const message = `${matches} but are ${listed.slice(0, -1).join(', ')} or ${listed[listed.length - 1]}`;
  return { code: 'agents-unavailable', message };
}

function noCapableMessage(task: Task, index: RosterIndex): string {
  if (!task.capabilities.length) return 'no live agents';
  const unheld = [...new Set(task.capabilities)].filter((c) => index.holderCount(c) === 0);
  if (unheld.length) return `no agent has ${unheld.length === 1 ? 'capability' : 'capabilities'} ${quote(unheld)}`;
  return `no agent has all of ${quote([...new Set(task.capabilities)])}`;
}

/** A pool that could run the task but is holding back, and what it does, after its name. */
export interface HeldPool {
  name: string;
  message: string;
}

/**
 * The reason once pools that could take the task are holding back: "pool `x` is asleep until Mon
 * 00:00 UTC (sleep window …)". Busy agents stay the first reason; otherwise the pool is the reason.
 */
export function withHeldPools(reason: PendingReason, pools: readonly HeldPool[]): PendingReason {
  if (!pools.length) return reason;
  const held = pools.map((p) => `pool \`${p.name}\` ${p.message}`).join('; ');
  if (reason.code === 'no-capable-agent') return { code: 'pool-held', message: held };
  return { code: reason.code === 'all-busy' ? 'all-busy' : 'pool-held', message: `${reason.message}; ${held}` };
}

const MAX_BLOCKERS_NAMED = 3;
function blockedMessage(blockers: readonly Blocker[]): string {
  const named = blockers
    .slice(0, MAX_BLOCKERS_NAMED)
    .map((b) => `${b.taskId} (${b.status})`)
    .join(', ');
  const more = blockers.length > MAX_BLOCKERS_NAMED ? ` and ${blockers.length - MAX_BLOCKERS_NAMED} more` : '';
  return `blocked by ${blockers.length === 1 ? 'task' : 'tasks'} ${named}${more}`;
}

function formatWait(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  return s < 120 ? `${s} s` : `${Math.round(s / 60)} min`;
}
