import type { LiveEvent } from '@/server/trpc/routers/events';

/**
 * What a live event makes stale, as keys: 'agents' | 'tasks' | 'overview' | 'decisions' |
 * 'distribution' | 'routing' | 'pending' | 'all' | `agent:<id>` | `task:<id>` | `ns:<namespace>`.
 * Events carry ids only; the views refetch the details.
 */
export function staleKeysFor(event: LiveEvent): string[] {
  switch (event.name) {
    // Agents coming, going or filling up change which agents are routable and why tasks wait.
    case 'agent:registered':
    case 'agent:changed':
    case 'agent:deregistered':
      return ['agents', `agent:${event.payload.agentId}`, 'overview', 'distribution', 'pending'];
    case 'task:submitted':
      return ['tasks', 'overview'];
    case 'task:assigned':
      return ['tasks', `task:${event.payload.taskId}`, 'agents', `agent:${event.payload.agentId}`, 'decisions', 'distribution', 'overview'];
    case 'task:started':
      return ['tasks', `task:${event.payload.taskId}`];
    case 'task:progress':
      return ['tasks', `task:${event.payload.taskId}`];
    // A finished, requeued or cancelled task frees a slot: utilisation and other tasks' reasons change.
    case 'task:completed':
      return ['tasks', `task:${event.payload.taskId}`, 'agents', `agent:${event.payload.agentId}`, 'distribution', 'pending', 'overview'];
    case 'task:requeued':
    case 'task:cancelled':
      return ['tasks', `task:${event.payload.taskId}`, 'agents', 'distribution', 'pending', 'overview'];
    case 'routing:changed':
      return ['routing'];
    case 'resync':
      return ['all'];
    default: {
      // An event this file does not map yet ("alert:firing"): refresh the router named after its namespace.
      const name = (event as { name: string }).name;
      return [`ns:${name.split(':')[0]}`, 'overview'];
    }
  }
}
