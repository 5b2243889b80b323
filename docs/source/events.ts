import type { EventName } from '@/server/core/events';
import { defineSection } from '../generate/doc-types';
import { TASK, TIME } from './examples';

const EVENT_NAMES = [
  'agent:registered',
  'agent:changed',
  'agent:deregistered',
  'agent:activity',
  'agent:heartbeats',
  'task:submitted',
  'task:assigned',
  'task:started',
  'task:progress',
  'task:completed',
  'task:requeued',
  'task:cancelled',
  'task:retrying',
  'task:dead-lettered',
  'task:released',
  'task:reprioritised',
  'task:changed',
  'breaker:changed',
  'pool:scaled',
  'pool:changed',
  'routing:changed',
  'cluster:leader-changed',
  'alert:firing',
  'alert:acknowledged',
  'alert:resolved',
  'alert:changed',
] as const satisfies readonly EventName[];
// tsc fails here when the core gains an event this list does not name.
const everyEventNamed: Exclude<EventName, (typeof EVENT_NAMES)[number]> extends never ? true : never = true;
void everyEventNamed;

const wire = [
  '```text',
  'event: connected',
  'data: {"reconnectAfterInactivityMs":25000}',
  '',
  'data: {"id":"90","name":"task:submitted","payload":{"taskIds":["tsk_mxbdmp131d28ddff1006"],"status":"queued"},"at":1780000029000}',
  'id: 90',
  '```',
].join('\n');

export default defineSection({
  doc: 'api',
  id: 'events',
  title: 'Events (SSE)',
  intro:
    'Every dashboard page stays live through one stream of core events. The events are small (ids and states); read the details with the queries above. State changes come from the durable event log, in commit order, whichever replica serves the stream; heartbeats, progress lines and CLI activity are signals that ride along and are not replayed.',
  procedures: {
    'events.live': {
      summary:
        'Every core event as it happens, as server-sent events; after a reconnect (to any replica) it first sends what the client missed, from the event log.',
      details: [
        'The stream opens with a `connected` event, then sends each core event as a message whose `id:` is its position in the event log and whose `data:` is the event as JSON; a ping comes every 10 s. Signals (`agent:activity`, `agent:heartbeats`, `task:progress`) carry the position of the last state change instead (their own `data.id` starts with `~`). To resume, send the last id seen as `lastEventId` (or the standard `Last-Event-ID` header): every state change after it comes first, exactly once and in commit order, or a `resync` event when it cannot be replayed (pruned by `FLIGHTDECK_EVENTS_RETENTION_MS`, from another database, or more than 10,000 events behind), after which the client should refetch what it shows.',
        '',
        wire,
        '',
        `Event names: ${EVENT_NAMES.map((n) => `\`${n}\``).join(', ')} (payloads: \`server/core/events.ts\`).`,
      ].join('\n'),
      fields: { lastEventId: 'resume after this event' },
      example: {
        input: {},
        output: {
          id: '90',
          data: {
            id: '90',
            name: 'task:submitted',
            payload: { taskIds: [TASK.id], status: 'queued' },
            at: TIME.T0 + 29_000,
          },
        },
      },
      returns: 'a stream of messages, each an event id (`id:`) and the event `{id, name, payload, at}` (`data:`).',
      errors: {
        TOO_MANY_REQUESTS: `this session or token already holds {{env FLIGHTDECK_MAX_STREAMS_PER_SESSION}} open streams on this server (\`FLIGHTDECK_MAX_STREAMS_PER_SESSION\`)`,
      },
    },
  },
});
