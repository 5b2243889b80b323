import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPrincipal, callerAs, startTestRuntime } from '@/server/testing/test-runtime';

let rt: Awaited<ReturnType<typeof startTestRuntime>>;
beforeAll(async () => {
  // The autoscaler runs only when a test asks (tick), so each step is observable.
  rt = await startTestRuntime({ LOG_LEVEL: 'error', FLIGHTDECK_AUTOSCALE_INTERVAL_MS: '600000' });
});
afterAll(async () => {
  await rt.dispose();
});

const admin = () => callerAs(rt, adminPrincipal);
const fast = { latencyMs: { min: 20, max: 60 }, failureRate: 0, progressSteps: 1, heartbeatIntervalMs: 200 };
const poolOf = (id: string) => admin().pools.get({ id });

describe('pools', () => {
  it('refuses bad pools with the field named, and writes nothing', async () => {
    await expect(
      admin().pools.create({ name: 'Bad Name', capabilities: ['x'], provider: 'simulated' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('name') });
    await expect(
      admin().pools.create({ name: 'minmax', capabilities: ['x'], provider: 'simulated', minSize: 3, maxSize: 1 }),
    ).rejects.toMatchObject({ message: expect.stringContaining('maxSize') });
    await expect(
      admin().pools.create({
        name: 'badsettings',
        capabilities: ['x'],
        provider: 'simulated',
        providerSettings: { failureRate: 2 },
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('failureRate') });
    await expect(
      admin().pools.create({
        name: 'nowindow',
        capabilities: ['x'],
        provider: 'simulated',
        sleepWindows: ['weekends'],
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining('sleep window') });
    expect((await admin().pools.list()).map((p) => p.name)).not.toContain('minmax');
    await admin().pools.create({ name: 'dup', capabilities: ['x'], provider: 'simulated', enabled: false });
    await expect(
      admin().pools.create({ name: 'dup', capabilities: ['x'], provider: 'simulated' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('an update changes only the fields it sends', async () => {
    const created = await admin().pools.create({
      name: 'patchy',
      capabilities: ['patchy'],
      provider: 'simulated',
      providerSettings: { ...fast, failureRate: 0.25 },
      adapter: 'claude',
      agentConcurrency: 3,
      minSize: 1,
      maxSize: 7,
      targetBacklogPerAgent: 4,
      scaleUpCooldownMs: 1_234,
      scaleDownCooldownMs: 5_678,
      idleTimeoutMs: 9_000,
      sleepWindows: ['daily 01:00-02:00'],
      enabled: false,
    });
    const { updatedAt: _u, ...before } = created;
    const after = await admin().pools.update({ id: created.id, sleepWindows: [] });
    expect(after).toMatchObject({ ...before, sleepWindows: [] });
    expect((await poolOf(created.id)).pool).toMatchObject({ ...before, sleepWindows: [] });
    expect(await admin().pools.update({ id: 'patchy', maxSize: 9 })).toMatchObject({
      ...before,
      sleepWindows: [],
      maxSize: 9,
    });
    // A misspelt field is refused rather than silently ignored.
    await expect(admin().pools.update({ id: created.id, maxsize: 2 } as never)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('maxsize'),
    });
    expect((await poolOf(created.id)).pool.maxSize).toBe(9);
  });

  it('scales from 0 on matching backlog, runs the work, and back to 0 after idling, recording each decision', async () => {
    const pool = await admin().pools.create({
      name: 'sim-scale',
      capabilities: ['sim-scale'],
      provider: 'simulated',
      providerSettings: fast,
      maxSize: 3,
      targetBacklogPerAgent: 2,
      idleTimeoutMs: 1_000,
      scaleUpCooldownMs: 0,
      scaleDownCooldownMs: 0,
    });
    await admin().tasks.submit({
      tasks: Array.from({ length: 10 }, (_, i) => ({ title: `sim ${i}`, capabilities: ['sim-scale'] })),
    });
    // Other capabilities do not count: the pool's agents could not run them.
    await admin().tasks.submit({ title: 'not for this pool', capabilities: ['sim-scale', 'gpu'] });
    await rt.core.autoscaleNow();
    const up = await poolOf(pool.id);
    // The tick a submission kicks may run first; either way one decision took the pool to max.
    expect(up.pool.size).toBe(3);
    const first = (await admin().pools.decisions({ id: pool.id, limit: 10 }))
      .filter((d) => d.action === 'scale-up')
      .at(-1)!;
    expect(first).toMatchObject({ action: 'scale-up', delta: 3, backlog: 10, size: 0 });
    expect(first.reason).toBe('backlog 10 for `sim-scale`, 0 agents awake, target 2/agent → +3 (max 3) (start 3)');
    expect(up.agents.every((a) => a.poolId === pool.id && a.labels.pool === 'sim-scale')).toBe(true);

    await expect
      .poll(async () => (await admin().tasks.list({ search: 'sim ', status: ['succeeded'], limit: 50 })).items.length, {
        timeout: 20_000,
      })
      .toBe(10);
    await expect
      .poll(
        async () => {
          await rt.core.autoscaleNow();
          return (await poolOf(pool.id)).pool.size;
        },
        { timeout: 15_000, interval: 300 },
      )
      .toBe(0);
    const decisions = await admin().pools.decisions({ id: pool.id, limit: 20 });
    expect(decisions.filter((d) => d.action === 'scale-down').reduce((n, d) => n - d.delta, 0)).toBe(3);
    expect(decisions.find((d) => d.action === 'scale-down')!.reason).toMatch(/idle ≥ 1 s → −\d/);
    const { points } = await admin().pools.samples({ id: pool.id, range: '15m' });
    // Each point is its bucket's peak: the scale-up shows even when the way back down shares its bucket.
    expect(Math.max(...points.map((s) => s.size))).toBe(3);
    // Scaled-down agents are terminated, never handed work again.
    const gone = (await admin().agents.list({ search: 'pool=sim-scale', includeTerminated: true, limit: 500 })).items;
    expect(gone.length).toBeGreaterThan(0);
    expect(gone.every((a) => a.status === 'terminated')).toBe(true);
  });

  it('keeps min agents asleep when idle and wakes one (same agent, same session) when work arrives', async () => {
    const pool = await admin().pools.create({
      name: 'sim-sleep',
      capabilities: ['sim-sleep'],
      provider: 'simulated',
      providerSettings: fast,
      minSize: 1,
      maxSize: 1,
      targetBacklogPerAgent: 1,
      idleTimeoutMs: 1_000,
      scaleUpCooldownMs: 0,
      scaleDownCooldownMs: 0,
    });
    await rt.core.autoscaleNow();
    const [agent] = (await poolOf(pool.id)).agents;
    await expect.poll(async () => (await admin().agents.get({ id: agent.id })).status, { timeout: 5_000 }).toBe('idle');
    await rt.database.db.execute(
      (await import('drizzle-orm')).sql`update agents set session_id = 'sess-kept' where id = ${agent.id}`,
    );
    await expect
      .poll(
        async () => {
          await rt.core.autoscaleNow();
          return (await admin().agents.get({ id: agent.id })).status;
        },
        { timeout: 10_000, interval: 300 },
      )
      .toBe('sleeping');
    expect((await admin().pools.decisions({ id: pool.id, limit: 5 }))[0]).toMatchObject({ action: 'sleep' });

    const { ids } = await admin().tasks.submit({ title: 'wake up', capabilities: ['sim-sleep'] });
    expect((await admin().tasks.whyPending({ id: ids[0] }))?.message).toMatch(/sleeping/);
    await rt.core.autoscaleNow();
    expect((await admin().pools.decisions({ id: pool.id, limit: 5 }))[0]).toMatchObject({
      action: 'scale-up',
      reason: expect.stringContaining('wake 1'),
    });
    await expect
      .poll(async () => (await admin().tasks.get({ id: ids[0] })).status, { timeout: 10_000 })
      .toBe('succeeded');
    const woken = await admin().agents.get({ id: agent.id });
    expect(woken).toMatchObject({ id: agent.id, sessionId: 'sess-kept' });
    expect((await admin().tasks.get({ id: ids[0] })).agentId).toBe(agent.id);
  });

  it('operators sleep, wake, drain, resume and terminate agents, with clear refusals', async () => {
    const pool = await admin().pools.create({
      name: 'sim-ops',
      capabilities: ['sim-ops'],
      provider: 'simulated',
      providerSettings: { ...fast, latencyMs: { min: 1_500, max: 1_500 } },
      minSize: 1,
      maxSize: 1,
    });
    await rt.core.autoscaleNow();
    const [agent] = (await poolOf(pool.id)).agents;
    await expect.poll(async () => (await admin().agents.get({ id: agent.id })).status, { timeout: 5_000 }).toBe('idle');
    const { ids } = await admin().tasks.submit({ title: 'ops work', capabilities: ['sim-ops'] });
    await expect.poll(async () => (await admin().tasks.get({ id: ids[0] })).status, { timeout: 5_000 }).toBe('running');
    await expect(admin().agents.sleep({ id: agent.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('holds 1 task; drain it first'),
    });
    expect((await admin().agents.drain({ id: agent.id })).status).toBe('draining');
    await expect
      .poll(async () => (await admin().tasks.get({ id: ids[0] })).status, { timeout: 5_000 })
      .toBe('succeeded');
    expect((await admin().agents.resume({ id: agent.id })).status).toBe('idle');
    expect((await admin().agents.sleep({ id: agent.id })).status).toBe('sleeping');
    await expect(admin().agents.sleep({ id: agent.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('it is sleeping'),
    });
    expect((await admin().agents.wake({ id: agent.id })).status).toBe('starting');
    await expect.poll(async () => (await admin().agents.get({ id: agent.id })).status, { timeout: 5_000 }).toBe('idle');
    await admin().agents.terminate({ id: agent.id });
    expect((await admin().agents.get({ id: agent.id })).status).toBe('terminated');
    await expect(admin().agents.wake({ id: agent.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await admin().pools.remove({ id: pool.id })).terminated).toBe(0);
  });
});

describe('a pool whose provider this server lacks', () => {
  it('refuses to start its agents with a typed UNAVAILABLE error naming the provider, not a 500', async () => {
    const pool = await admin().pools.create({
      name: 'gone-provider',
      capabilities: ['gone'],
      provider: 'simulated',
      enabled: false,
    });
    const stored = await rt.core.pools.get(pool.id);
    await expect(rt.core.poolAgents.startNew({ ...stored, provider: 'kubernetes' as 'docker' })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: 'provider kubernetes is not available on this server',
    });
  });
});
