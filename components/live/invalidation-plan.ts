import type { LiveEvent } from '@/server/trpc/routers/events';

/**
 * What a live event makes stale, as keys: 'agents' | 'tasks' | 'dead-letters' | 'breakers' |
 * 'overview' | 'decisions' | 'distribution' | 'routing' | 'pending' | 'pools' | 'replicas' | 'alerts' | 'all' | `agent:<id>` |
 * `task:<id>` | 'task:*' | `ns:<namespace>`. Events carry ids only; the views refetch the details.
 * Pools count their agents (awake, busy) and their backlog (queued tasks), so agent events and
 * the task events that move work in or out of the queue or a slot make them stale too.
 */
export function staleKeysFor(event: LiveEvent): string[] {
  switch (event.name) {
    // Agents coming, going or filling up change which agents are routable and why tasks wait.
    case 'agent:registered':
    case 'agent:changed':
    case 'agent:deregistered':
      return ['agents', `agent:${event.payload.agentId}`, 'overview', 'distribution', 'pending', 'pools'];
    // What the agent's CLI is doing, and whether it is parked (rate-limited) until some time.
    case 'agent:activity':
      return ['agents', `agent:${event.payload.agentId}`, 'pools'];
    case 'task:submitted':
      return ['tasks', 'overview', 'pools'];
    case 'task:assigned':
      return [
        'tasks',
        `task:${event.payload.taskId}`,
        'agents',
        `agent:${event.payload.agentId}`,
        'decisions',
        'distribution',
        'overview',
        'pools',
      ];
    case 'task:started':
      return ['tasks', `task:${event.payload.taskId}`];
    case 'task:progress':
      return ['tasks', `task:${event.payload.taskId}`];
    // A finished, requeued or cancelled task frees a slot: utilisation and other tasks' reasons change.
    case 'task:completed':
      return [
        'tasks',
        `task:${event.payload.taskId}`,
        'agents',
        `agent:${event.payload.agentId}`,
        'distribution',
        'pending',
        'overview',
        'pools',
      ];
    case 'task:requeued':
      return ['tasks', `task:${event.payload.taskId}`, 'agents', 'distribution', 'pending', 'overview', 'pools'];
    // A discard from the dead-letter queue is a cancel too.
    case 'task:cancelled':
      return [
        'tasks',
        `task:${event.payload.taskId}`,
        'dead-letters',
        'agents',
        'distribution',
        'pending',
        'overview',
        'pools',
      ];
    case 'task:retrying':
      return [
        'tasks',
        `task:${event.payload.taskId}`,
        'agents',
        ...(event.payload.agentId ? [`agent:${event.payload.agentId}`] : []),
        'distribution',
        'pending',
        'overview',
        'pools',
      ];
    // The last attempt failed: the task leaves its agent's slot for the dead-letter queue.
    case 'task:dead-lettered':
      return [
        'tasks',
        `task:${event.payload.taskId}`,
        'dead-letters',
        'agents',
        ...(event.payload.agentId ? [`agent:${event.payload.agentId}`] : []),
        'distribution',
        'pending',
        'overview',
        'pools',
      ];
    case 'task:changed':
      return ['tasks', `task:${event.payload.taskId}`, 'agents', 'overview', 'pools'];
    // Backoffs that ended, or dead letters an operator retried (possibly thousands at once).
    case 'task:released':
      return ['tasks', ...taskKeys(event.payload.taskIds), 'dead-letters', 'pending', 'overview', 'pools'];
    // Routability changed: the agents' markers, their breaker cards (a runtime's breaker covers
    // many agents) and why waiting tasks wait.
    case 'breaker:changed':
      return ['agents', ...(event.payload.agentId ? [`agent:${event.payload.agentId}`] : []), 'breakers', 'pending'];
    case 'routing:changed':
      return ['routing'];
    // The autoscaler grew, shrank or slept a pool (its decisions and chart move), or an admin changed one.
    case 'pool:scaled':
    case 'pool:changed':
      return ['pools'];
    // Another replica leads (or the same one, after its lease lapsed): the replica panel's badge moves.
    case 'cluster:leader-changed':
      return ['replicas'];
    // Every step of an alert's timeline: its list, counts (the nav badge) and open detail refetch.
    case 'alert:firing':
    case 'alert:acknowledged':
    case 'alert:resolved':
    case 'alert:changed':
      return ['alerts'];
    case 'resync':
      return ['all'];
    default: {
      // An event this file does not map yet: refresh the router named after its namespace.
      const name = (event as { name: string }).name;
      return [`ns:${name.split(':')[0]}`, 'overview'];
    }
  }
}

/** Beyond a handful of tasks one key for every task page is cheaper than one per task. */
const TASK_KEYS_MAX = 20;

function taskKeys(ids: string[]): string[] {
  return ids.length > TASK_KEYS_MAX ? ['task:*'] : ids.map((id) => `task:${id}`);
}
