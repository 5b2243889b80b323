import type { LiveEvent } from '@/server/trpc/routers/events';

/**
 * What a live event makes stale, as keys: 'agents' | 'tasks' | 'overview' | 'decisions' | 'all'
 * | `agent:<id>` | `task:<id>` | `ns:<namespace>`. Events carry ids only; the views refetch the details.
 */
export function staleKeysFor(event: LiveEvent): string[] {
  switch (event.name) {
    case 'agent:registered':
    case 'agent:changed':
    case 'agent:deregistered':
      return ['agents', `agent:${event.payload.agentId}`, 'overview'];
    case 'task:submitted':
      return ['tasks', 'overview'];
    case 'task:assigned':
      return ['tasks', `task:${event.payload.taskId}`, 'agents', `agent:${event.payload.agentId}`, 'decisions', 'overview'];
    case 'task:started':
      return ['tasks', `task:${event.payload.taskId}`];
    case 'task:progress':
      return ['tasks', `task:${event.payload.taskId}`];
    case 'task:completed':
      return ['tasks', `task:${event.payload.taskId}`, 'agents', `agent:${event.payload.agentId}`, 'overview'];
    case 'task:requeued':
    case 'task:cancelled':
      return ['tasks', `task:${event.payload.taskId}`, 'agents', 'overview'];
    case 'resync':
      return ['all'];
    default: {
      // An event this file does not map yet ("alert:firing"): refresh the router named after its namespace.
      const name = (event as { name: string }).name;
      return [`ns:${name.split(':')[0]}`, 'overview'];
    }
  }
}
