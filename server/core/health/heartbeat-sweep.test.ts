import { describe, expect, it } from 'vitest';
import type { Store } from '../ports';
import { AgentRegistry } from '../registry/agent-registry';
import { FakeClock, nullMetrics, RecordingBus, silentLogger } from '../testing/fakes';
import { HeartbeatSweep } from './heartbeat-sweep';
import { passThroughFence } from '../cluster/pass-through-fence';

describe('heartbeat sweep', () => {
  it('requeues the work of agents gone offline', async () => {
    const requeuedFor: string[] = [];
    let kicks = 0;
    const store = {
      agents: {
        sweepSilent: async () => [
          { id: 'a1', previous: 'busy', status: 'offline' },
          { id: 'a2', previous: 'idle', status: 'unhealthy' },
        ],
      },
      tasks: {
        requeueAgentWork: async (agentId: string) => {
          requeuedFor.push(agentId);
          return [
            { taskId: 't1', attempt: 1, status: 'queued' },
            { taskId: 't2', attempt: 3, status: 'failed' },
          ];
        },
      },
    } as unknown as Store;
    const bus = new RecordingBus();
    const registry = new AgentRegistry(
      { store, bus, clock: new FakeClock(), metrics: nullMetrics, log: silentLogger, fence: passThroughFence },
      { onCapacityChange: () => kicks++ },
    );
    const sweep = new HeartbeatSweep(
      store,
      registry,
      { intervalMs: 5000, unhealthyAfterMs: 15000, offlineAfterMs: 30000 },
      silentLogger,
    );
    expect(await sweep.sweep()).toEqual({ changed: 2, requeued: 2 });
    expect(requeuedFor).toEqual(['a1']);
    expect(kicks).toBe(1);
  });
});
