import { describe, expect, it } from 'vitest';
import type { Store } from '../ports';
import { AgentRegistry } from '../registry/agent-registry';
import { FakeClock, nullMetrics, RecordingBus, silentLogger } from '../testing/fakes';
import { HeartbeatSweep } from './heartbeat-sweep';

describe('heartbeat sweep', () => {
  it('announces state changes and requeues the work of agents gone offline', async () => {
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
      { store, bus, clock: new FakeClock(), metrics: nullMetrics, log: silentLogger },
      { onCapacityChange: () => kicks++ },
    );
    const sweep = new HeartbeatSweep(
      store,
      bus,
      registry,
      { intervalMs: 5000, unhealthyAfterMs: 15000, offlineAfterMs: 30000 },
      silentLogger,
    );
    expect(await sweep.sweep()).toEqual({ changed: 2, requeued: 2 });
    expect(requeuedFor).toEqual(['a1']);
    expect(kicks).toBe(1);
    expect(bus.events.map((e) => [e.name, e.payload])).toEqual([
      ['agent:changed', { agentId: 'a1', status: 'offline', previous: 'busy', reason: 'no heartbeat for 30 s' }],
      ['task:requeued', { taskId: 't1', attempt: 1, reason: 'agent offline', agentId: 'a1' }],
      [
        'task:completed',
        { taskId: 't2', agentId: 'a1', attempt: 3, status: 'failed', durationMs: null, contextKey: null },
      ],
      ['agent:changed', { agentId: 'a2', status: 'unhealthy', previous: 'idle', reason: 'no heartbeat for 15 s' }],
    ]);
  });
});
