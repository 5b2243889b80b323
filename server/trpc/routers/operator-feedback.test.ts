import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminPrincipal,
  ADMIN_TOKEN,
  callerAs,
  httpCall,
  registerAgent,
  startTestRuntime,
} from '@/server/testing/test-runtime';

let rt: Awaited<ReturnType<typeof startTestRuntime>>;
beforeAll(async () => {
  // The autoscaler runs only when a test asks, so the timeline holds only what the test did.
  rt = await startTestRuntime({ LOG_LEVEL: 'error', FLIGHTDECK_AUTOSCALE_INTERVAL_MS: '600000' });
});
afterAll(async () => {
  await rt.dispose();
});

const admin = () => callerAs(rt, adminPrincipal);

/** What the dashboard's notices after an operator action are built from. */
describe('operator actions say what they did', () => {
  it('terminate answers how many of the agent’s tasks went back to the queue', async () => {
    const a = await registerAgent(rt, { name: 'fb-busy', capabilities: ['fb-term'], maxConcurrency: 2 });
    await a.caller.agents.heartbeat({});
    const { ids } = await admin().tasks.submit({
      tasks: [
        { title: 'fb one', capabilities: ['fb-term'] },
        { title: 'fb two', capabilities: ['fb-term'] },
      ],
    });
    await a.caller.work.poll({ waitMs: 3000 });
    await a.caller.work.poll({ waitMs: 3000 });
    expect((await admin().agents.get({ id: a.agentId })).activeTasks).toBe(2);

    const res = await httpCall(rt, 'agents.terminate', { token: ADMIN_TOKEN, input: { id: a.agentId } });
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ ok: true, requeued: 2 });
    for (const id of ids) expect((await admin().tasks.get({ id })).status).toBe('queued');
    // Again: nothing left to requeue, and no error.
    expect(await admin().agents.terminate({ id: a.agentId })).toEqual({ ok: true, requeued: 0 });

    const idle = await registerAgent(rt, { name: 'fb-idle', capabilities: ['fb-idle'] });
    await idle.caller.agents.heartbeat({});
    expect(await admin().agents.terminate({ id: idle.agentId })).toEqual({ ok: true, requeued: 0 });
  });

  it('a pool edit, disable and enable appear in the pool’s decision timeline with who did what', async () => {
    const pool = await admin().pools.create({
      name: 'fb-pool',
      capabilities: ['fb-pool'],
      provider: 'process',
      maxSize: 4,
      scaleUpCooldownMs: 30_000,
      providerSettings: { env: { API_KEY: 'sk-fb-secret-value' } },
    });
    expect(await admin().pools.decisions({ id: pool.id, limit: 10 })).toEqual([]);

    await admin().pools.update({
      id: pool.id,
      maxSize: 6,
      scaleUpCooldownMs: 10_000,
      sleepWindows: ['daily 01:00-02:00'],
    });
    let [latest] = await admin().pools.decisions({ id: pool.id, limit: 10 });
    expect(latest).toMatchObject({
      action: 'edit',
      delta: 0,
      size: 0,
      reason:
        'edited by token test-admin: max size 4 → 6, scale-up cool-down 30 s → 10 s, sleep windows none → daily 01:00-02:00',
    });

    await admin().pools.update({ id: pool.id, enabled: false });
    [latest] = await admin().pools.decisions({ id: pool.id, limit: 10 });
    expect(latest).toMatchObject({
      action: 'disable',
      reason: 'disabled by token test-admin: the autoscaler leaves it and its agents alone',
    });
    await admin().pools.update({ id: pool.id, enabled: true });
    [latest] = await admin().pools.decisions({ id: pool.id, limit: 10 });
    expect(latest).toMatchObject({
      action: 'enable',
      reason: 'enabled by token test-admin: the autoscaler sizes it to its backlog again',
    });

    // Provider settings may hold secrets: the timeline says they changed, never what they are.
    await admin().pools.update({ id: pool.id, providerSettings: { env: { API_KEY: 'sk-fb-other-value' } } });
    const all = await admin().pools.decisions({ id: pool.id, limit: 10 });
    expect(all[0]).toMatchObject({
      action: 'edit',
      reason: 'edited by token test-admin: provider settings changed',
      inputs: { fields: ['providerSettings'] },
    });
    expect(JSON.stringify(all)).not.toContain('sk-fb-');

    // Values equal to those stored change nothing, and nothing is recorded.
    await admin().pools.update({ id: pool.id, maxSize: 6, enabled: true });
    expect(await admin().pools.decisions({ id: pool.id, limit: 10 })).toHaveLength(all.length);
    // A refused edit records nothing either.
    await expect(admin().pools.update({ id: pool.id, minSize: 9 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('maxSize'),
    });
    expect(await admin().pools.decisions({ id: pool.id, limit: 10 })).toHaveLength(all.length);
    await admin().pools.remove({ id: pool.id });
  });

  it('a strategy change is undone by sending back the strategy and weights in force before it, and both are in the history', async () => {
    const before = (await admin().balancing.policy()).current;
    await admin().balancing.setStrategy({ strategy: { name: 'least-loaded' } });
    const undone = await admin().balancing.setStrategy({
      strategy: { name: before.strategy as 'composite', weights: before.weights },
    });
    expect(undone).toMatchObject({
      strategy: before.strategy,
      weights: before.weights,
      changedBy: { kind: 'api-token', id: 'tok_test', name: 'test-admin' },
    });
    const { history, current } = await admin().balancing.policy();
    expect(current).toMatchObject({ strategy: before.strategy, weights: before.weights });
    expect(history.slice(0, 2).map((h) => h.strategy)).toEqual([before.strategy, 'least-loaded']);
  });
});
