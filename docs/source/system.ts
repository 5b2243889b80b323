import { defineSection } from '../generate/doc-types';
import { TIME } from './examples';

const loop = {
  scope: 'replica' as const,
  running: true,
  errors: 0,
  consecutiveErrors: 0,
  lastError: null,
  lastTickMs: 8,
};

export default defineSection({
  doc: 'api',
  id: 'system',
  title: 'System',
  page: '/settings',
  procedures: {
    'system.info': {
      summary:
        'How this server runs: storage and event modes, the strategy in force, the heartbeat policy, its background loops and waiting long-polls.',
      example: {
        output: {
          mode: { storage: 'pglite', events: 'memory' },
          storage: 'pglite:/srv/flightdeck/.flightdeck/pglite',
          strategy: 'composite',
          heartbeat: { intervalMs: 5000, unhealthyAfterMs: 15000, offlineAfterMs: 30000 },
          loops: [
            { ...loop, name: 'dispatcher', intervalMs: 1000, ticks: 5230, lastTickAt: TIME.T0 + 60_000 },
            {
              ...loop,
              name: 'autoscaler',
              scope: 'cluster',
              intervalMs: 2000,
              ticks: 2611,
              lastTickAt: TIME.T0 + 59_000,
            },
          ],
          waitingPolls: 6,
          demo: true,
        },
      },
      returns:
        'this replica’s view: `loops` lists each background loop (its `scope`, ticks, errors, last tick and its duration; a `cluster` loop runs on the leader only, so elsewhere it shows `running: false`), `waitingPolls` the agents long-polling it now.',
    },
    'system.replicas': {
      summary:
        'The server processes sharing this database (replicas), which one leads the cluster, and the epoch of its lease.',
      details:
        'Every replica says it is alive every 2 s; one seen in the last minute is listed (a killed one stays for that minute, its `lastSeenAt` falling behind). The leader holds a lease on the database clock (`FLIGHTDECK_LEASE_TTL_MS`) and runs the loops that must run once cluster-wide; `epoch` grows with every new term and is the token that refuses a former leader’s writes. A new term is the `cluster:leader-changed` event.',
      example: {
        output: {
          self: 'web-1-48213-a1f09c',
          leader: { id: 'web-1-48213-a1f09c', epoch: 7, since: TIME.T0 + 5_000 },
          replicas: [
            {
              id: 'web-1-48213-a1f09c',
              host: 'web-1',
              pid: 48213,
              version: '0.1.0',
              startedAt: TIME.T0,
              lastSeenAt: TIME.T0 + 60_000,
              leader: true,
              epoch: 7,
            },
            {
              id: 'web-2-51877-0b3d2e',
              host: 'web-2',
              pid: 51877,
              version: '0.1.0',
              startedAt: TIME.T0 + 2_000,
              lastSeenAt: TIME.T0 + 59_000,
              leader: false,
              epoch: null,
            },
          ],
        },
      },
      returns:
        '`self`: the replica that answered; `leader`: the replica leading now with its `epoch` and when its term began (`since`), or null while no live lease is held; `replicas`: oldest first, times in epoch ms (database clock).',
    },
  },
});
