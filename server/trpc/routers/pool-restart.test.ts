import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPrincipal, callerAs, startTestRuntime } from '@/server/testing/test-runtime';

let rt: Awaited<ReturnType<typeof startTestRuntime>>;
beforeAll(async () => {
  // The autoscaler runs only when the test asks.
  rt = await startTestRuntime({ LOG_LEVEL: 'error', FLIGHTDECK_AUTOSCALE_INTERVAL_MS: '600000' });
});
afterAll(async () => {
  await rt.dispose();
});

const admin = () => callerAs(rt, adminPrincipal);

describe('pool members after a server restart', () => {
  it('restarts a member an earlier server process started (and stopped at shutdown) without counting a crash', async () => {
    const pool = await admin().pools.create({
      name: 'sim-restart',
      capabilities: ['sim-restart'],
      provider: 'simulated',
      providerSettings: { heartbeatIntervalMs: 200 },
      // No minimum and no backlog: the tick the creation kicks starts nothing of its own.
      minSize: 0,
      maxSize: 1,
      scaleUpCooldownMs: 0,
      scaleDownCooldownMs: 0,
    });
    // The member as the previous server left it: marked running, under a ref no provider of this
    // process knows, with as many crash restarts counted as a pool allows.
    const { agentId } = await rt.core.registry.register(
      {
        name: 'sim-restart-1',
        runtime: 'simulated',
        capabilities: ['sim-restart'],
        maxConcurrency: 1,
        labels: { pool: 'sim-restart', provider: 'simulated' },
      },
      { poolId: pool.id },
    );
    await rt.store.pools.saveMember({
      agentId,
      poolId: pool.id,
      ref: 'started-by-the-previous-server',
      running: true,
      restarts: 3,
    });

    await rt.core.autoscaleNow();

    const { agents } = await admin().pools.get({ id: pool.id });
    expect(agents.map((a) => ({ id: a.id, running: a.running, restarts: a.restarts }))).toEqual([
      { id: agentId, running: true, restarts: 3 },
    ]);
    // Not given up (terminated): its simulated agent is back at work.
    await expect.poll(async () => (await admin().agents.get({ id: agentId })).status, { timeout: 5_000 }).toBe('idle');
  });
});
