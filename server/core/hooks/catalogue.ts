import type { AlertEventPayload, AnyBusEvent, EventMap, LoggedEventName } from '../events';

/**
 * The lifecycle events hooks and plugins can subscribe to: each name, what it means, an example
 * of its `data`, and how it comes from the event log. The one list of them (docs, validation,
 * the hook dispatcher and plugins all read it).
 */
export interface HookEventSpec<N extends LoggedEventName = LoggedEventName> {
  name: string;
  description: string;
  /** The log event it comes from. */
  from: N;
  /** Its subject (`task:<id>`…) and `data`, or null when this log event is not this hook event. */
  map(payload: EventMap[N]): { subject: string; data: Record<string, unknown> }[] | null;
  example: { subject: string; data: Record<string, unknown> };
}

/** The JSON body of every hook delivery and what plugins' `onEvent` receives. */
export interface HookEvent {
  /** The log position it came from (with `.<n>` when one log event gives several). */
  id: string;
  event: string;
  /** ISO time of the change. */
  at: string;
  subject: string;
  data: Record<string, unknown>;
}

const spec = <N extends LoggedEventName>(s: HookEventSpec<N>): HookEventSpec => s as unknown as HookEventSpec;
const one = (subject: string, data: object) => [{ subject, data: { ...data } as Record<string, unknown> }];
const taskOutcome = (status: string) => (p: EventMap['task:completed']) =>
  p.status === status ? one(`task:${p.taskId}`, p) : null;
const breakerTo = (to: string) => (p: EventMap['breaker:changed']) =>
  p.to === to ? one(`breaker:${p.key}`, { ...p, by: p.by ?? null }) : null;
const alertData = (p: AlertEventPayload) => one(`alert:${p.alertId}`, p);
const ALERT_EXAMPLE = {
  alertId: 'alr_m1x2k3a4b5c6d7e8f9',
  kind: 'fired',
  state: 'firing',
  previous: 'pending',
  rule: 'queue-depth',
  ruleId: 'rul_queue_depth',
  severity: 'warning',
  labels: { capability: 'python' },
  summary: 'queue depth of python is 120 (above 100 for 5 min)',
  groupKey: 'queue-depth/capability=python',
  fingerprint: '3f2a9c1b',
  by: { kind: 'system', id: 'alerts', name: 'alert engine' },
  reason: 'condition held for 5 min',
  note: null,
};
const TASK = 'tsk_m1x2k3a4b5c6d7e8f9';
const AGENT = 'agt_m1x2k3a0a1b2c3d4e5';

export const HOOK_EVENTS: readonly HookEventSpec[] = [
  spec({
    name: 'agent:registered',
    description: 'An agent registered (or registered again with its identity).',
    from: 'agent:registered',
    map: (p) => one(`agent:${p.agentId}`, p),
    example: {
      subject: `agent:${AGENT}`,
      data: { agentId: AGENT, name: 'worker-1', reregistered: false, status: 'idle' },
    },
  }),
  spec({
    name: 'agent:state-changed',
    description: 'An agent changed state (idle, busy, unhealthy, offline, draining, asleep…), with the reason.',
    from: 'agent:changed',
    map: (p) => one(`agent:${p.agentId}`, p),
    example: {
      subject: `agent:${AGENT}`,
      data: { agentId: AGENT, status: 'unhealthy', previous: 'idle', reason: 'no heartbeat for 30 s' },
    },
  }),
  spec({
    name: 'agent:deregistered',
    description: 'An agent left the fleet (deregistered or terminated).',
    from: 'agent:deregistered',
    map: (p) => one(`agent:${p.agentId}`, p),
    example: { subject: `agent:${AGENT}`, data: { agentId: AGENT, previous: 'idle', reason: 'deregistered' } },
  }),
  spec({
    name: 'task:submitted',
    description: 'A task was submitted (one event per task of a batch); `status` is queued or blocked.',
    from: 'task:submitted',
    map: (p) => p.taskIds.map((id) => ({ subject: `task:${id}`, data: { taskId: id, status: p.status ?? 'queued' } })),
    example: { subject: `task:${TASK}`, data: { taskId: TASK, status: 'queued' } },
  }),
  spec({
    name: 'task:assigned',
    description: 'The dispatcher assigned a task to an agent (attempt counts from 1).',
    from: 'task:assigned',
    map: (p) => one(`task:${p.taskId}`, p),
    example: { subject: `task:${TASK}`, data: { taskId: TASK, agentId: AGENT, attempt: 1, delivered: true } },
  }),
  spec({
    name: 'task:started',
    description: 'The agent accepted the task and started it.',
    from: 'task:started',
    map: (p) => one(`task:${p.taskId}`, p),
    example: { subject: `task:${TASK}`, data: { taskId: TASK, agentId: AGENT, attempt: 1 } },
  }),
  ...(['succeeded', 'failed'] as const).map((status) =>
    spec({
      name: `task:${status}`,
      description: `A task ${status === 'succeeded' ? 'succeeded' : 'failed for good (no retry left or none asked)'}.`,
      from: 'task:completed',
      map: taskOutcome(status),
      example: {
        subject: `task:${TASK}`,
        data: { taskId: TASK, agentId: AGENT, attempt: 1, status, durationMs: 84_000, contextKey: null },
      },
    }),
  ),
  spec({
    name: 'task:cancelled',
    description: 'A task was cancelled (by an operator, or because a dependency failed).',
    from: 'task:cancelled',
    map: (p) => one(`task:${p.taskId}`, { ...p, agentId: p.agentId ?? null, reason: p.reason ?? null }),
    example: { subject: `task:${TASK}`, data: { taskId: TASK, previous: 'queued', agentId: null, reason: null } },
  }),
  spec({
    name: 'task:retrying',
    description: 'An attempt failed and the task waits out its backoff until `retryAt` (epoch ms).',
    from: 'task:retrying',
    map: (p) => one(`task:${p.taskId}`, { ...p, agentId: p.agentId ?? null }),
    example: {
      subject: `task:${TASK}`,
      data: { taskId: TASK, attempt: 1, retryAt: 1_765_000_030_000, reason: 'exit code 1', agentId: AGENT },
    },
  }),
  spec({
    name: 'task:dead-lettered',
    description: 'Every attempt was used up: the task is in the dead-letter queue.',
    from: 'task:dead-lettered',
    map: (p) => one(`task:${p.taskId}`, { ...p, agentId: p.agentId ?? null }),
    example: { subject: `task:${TASK}`, data: { taskId: TASK, attempt: 3, reason: 'exit code 1', agentId: AGENT } },
  }),
  spec({
    name: 'alert:firing',
    description: "An alert started firing (its condition held for the rule's `for` duration).",
    from: 'alert:firing',
    map: alertData,
    example: { subject: 'alert:alr_m1x2k3a4b5c6d7e8f9', data: ALERT_EXAMPLE },
  }),
  spec({
    name: 'alert:acknowledged',
    description: 'An operator acknowledged a firing alert (`by`, `note`).',
    from: 'alert:acknowledged',
    map: alertData,
    example: {
      subject: 'alert:alr_m1x2k3a4b5c6d7e8f9',
      data: { ...ALERT_EXAMPLE, kind: 'acknowledged', state: 'acknowledged', previous: 'firing', note: 'on it' },
    },
  }),
  spec({
    name: 'alert:resolved',
    description: 'An alert resolved (its condition cleared, or an operator resolved it).',
    from: 'alert:resolved',
    map: alertData,
    example: {
      subject: 'alert:alr_m1x2k3a4b5c6d7e8f9',
      data: { ...ALERT_EXAMPLE, kind: 'resolved', state: 'resolved', previous: 'firing', reason: 'condition cleared' },
    },
  }),
  spec({
    name: 'pool:scaled',
    description: 'The autoscaler (or an operator) scaled a pool up or down, or put it to sleep, with the reason.',
    from: 'pool:scaled',
    map: (p) => one(`pool:${p.poolId}`, { ...p, by: p.by ?? null }),
    example: {
      subject: 'pool:pool_m1x2k3a4b5c6',
      data: { poolId: 'pool_m1x2k3a4b5c6', pool: 'gpu', action: 'scale-up', delta: 2, reason: 'backlog 12', by: null },
    },
  }),
  spec({
    name: 'breaker:opened',
    description: 'A circuit breaker (of an agent or a runtime) opened: no work goes there until it probes again.',
    from: 'breaker:changed',
    map: breakerTo('open'),
    example: {
      subject: `breaker:agent:${AGENT}`,
      data: {
        key: `agent:${AGENT}`,
        agentId: AGENT,
        runtime: null,
        from: 'closed',
        to: 'open',
        reason: '5 failures in a row',
        by: null,
      },
    },
  }),
  spec({
    name: 'breaker:closed',
    description: 'A circuit breaker closed again (a probe succeeded, or an operator reset it).',
    from: 'breaker:changed',
    map: breakerTo('closed'),
    example: {
      subject: `breaker:agent:${AGENT}`,
      data: {
        key: `agent:${AGENT}`,
        agentId: AGENT,
        runtime: null,
        from: 'half-open',
        to: 'closed',
        reason: 'probe succeeded',
        by: null,
      },
    },
  }),
  spec({
    name: 'leader:changed',
    description: 'A new term of the leader lease: `holder` runs the cluster loops under `epoch`.',
    from: 'cluster:leader-changed',
    map: (p) => one('cluster', p),
    example: { subject: 'cluster', data: { holder: 'replica-b', epoch: 8, previous: 'replica-a' } },
  }),
];

export const HOOK_EVENT_NAMES: readonly string[] = HOOK_EVENTS.map((s) => s.name);

const BY_SOURCE = new Map<string, HookEventSpec[]>();
for (const s of HOOK_EVENTS) BY_SOURCE.set(s.from, [...(BY_SOURCE.get(s.from) ?? []), s]);

/** The hook events a log event stands for (none for most), in catalogue order. */
export function hookEventsOf(e: AnyBusEvent): HookEvent[] {
  const specs = BY_SOURCE.get(e.name);
  if (!specs) return [];
  const at = new Date(e.at).toISOString();
  const out: HookEvent[] = [];
  for (const s of specs) {
    const mapped = s.map(e.payload as never);
    if (!mapped) continue;
    for (const m of mapped) out.push({ id: e.id, event: s.name, at, subject: m.subject, data: m.data });
  }
  // One log event giving several (a batch submit): each gets its own id.
  if (out.length > 1) out.forEach((h, i) => (h.id = `${e.id}.${i}`));
  return out;
}
