import { defineSection } from '../generate/doc-types';
import { TIME } from './examples';

const loop = { running: true, errors: 0, consecutiveErrors: 0, lastError: null, lastTickMs: 8 };

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
            { ...loop, name: 'autoscaler', intervalMs: 2000, ticks: 2611, lastTickAt: TIME.T0 + 59_000 },
          ],
          waitingPolls: 6,
          demo: true,
        },
      },
      returns:
        'this replica’s view: `loops` lists each background loop (ticks, errors, last tick and its duration), `waitingPolls` the agents long-polling it now.',
    },
  },
});
