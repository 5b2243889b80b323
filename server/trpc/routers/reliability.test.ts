import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPrincipal, callerAs, registerAgent, startTestRuntime } from '@/server/testing/test-runtime';

let rt: Awaited<ReturnType<typeof startTestRuntime>>;
beforeAll(async () => {
  rt = await startTestRuntime({
    FLIGHTDECK_ACCEPT_DEADLINE_MS: '300',
    FLIGHTDECK_STALL_TIMEOUT_MS: '800',
    FLIGHTDECK_RETRY_BASE_MS: '20',
    FLIGHTDECK_BREAKER_COOLDOWN_MS: '400',
    LOG_LEVEL: 'error',
  });
});
afterAll(async () => {
  await rt.dispose();
});

const admin = () => callerAs(rt, adminPrincipal);
const task = (id: string) => admin().tasks.detail({ id });

describe('leases', () => {
  it('requeues an assignment not accepted in time; the late start is refused and changes nothing', async () => {
    const agent = await registerAgent(rt, {
      name: 'lease-slow',
      runtime: 'lease-slow',
      capabilities: ['lease-accept'],
    });
    await agent.caller.agents.heartbeat({});
    const { ids } = await admin().tasks.submit({ title: 'accept me', capabilities: ['lease-accept'] });
    const w = (await agent.caller.work.poll({ waitMs: 3000 }))!;
    await expect.poll(async () => (await task(ids[0])).attempts[0]?.status, { timeout: 5_000 }).toBe('lost');
    const d = await task(ids[0]);
    expect(d.attempts[0].error).toBe('not accepted within 0.3 s');
    await expect(agent.caller.work.start({ taskId: w.taskId, leaseToken: w.leaseToken })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    // It went back to the queue and, the agent being free again, to a second attempt.
    expect((await task(ids[0])).task.attempt).toBeGreaterThanOrEqual(1);
  });

  it('requeues running work whose lease lapses (no heartbeat or progress), while heartbeats keep a lease alive', async () => {
    const silent = await registerAgent(rt, {
      name: 'lease-silent',
      runtime: 'lease-silent',
      capabilities: ['lease-stall'],
    });
    const lively = await registerAgent(rt, {
      name: 'lease-lively',
      runtime: 'lease-lively',
      capabilities: ['lease-alive'],
    });
    await silent.caller.agents.heartbeat({});
    await lively.caller.agents.heartbeat({});
    const {
      ids: [stalled],
    } = await admin().tasks.submit({ title: 'stalls', capabilities: ['lease-stall'] });
    const {
      ids: [alive],
    } = await admin().tasks.submit({ title: 'kept alive', capabilities: ['lease-alive'] });
    await silent.caller.work.poll({ waitMs: 3000, start: true });
    await lively.caller.work.poll({ waitMs: 3000, start: true });
    const beat = setInterval(() => void lively.caller.agents.heartbeat({}).catch(() => {}), 200);
    try {
      await expect.poll(async () => (await task(stalled)).attempts[0]?.status, { timeout: 6_000 }).toBe('lost');
      expect((await task(stalled)).attempts[0].error).toBe('stalled: no heartbeat or progress for 0.8 s');
      const kept = await task(alive);
      expect(kept.task.status).toBe('running');
      expect(kept.lease).toMatchObject({ kind: 'renew', expired: null });
      expect(kept.lease!.remainingMs).toBeLessThanOrEqual(800);
    } finally {
      clearInterval(beat);
    }
  });

  it('times out a task past its timeoutMs, backing off before the next attempt', async () => {
    const agent = await registerAgent(rt, {
      name: 'lease-timeout',
      runtime: 'lease-timeout',
      capabilities: ['lease-timeout'],
    });
    const { ids } = await admin().tasks.submit({ title: 'too slow', capabilities: ['lease-timeout'], timeoutMs: 1000 });
    await agent.caller.agents.heartbeat({});
    await agent.caller.work.poll({ waitMs: 3000, start: true });
    const beat = setInterval(() => void agent.caller.agents.heartbeat({}).catch(() => {}), 200);
    try {
      await expect.poll(async () => (await task(ids[0])).attempts[0]?.status, { timeout: 6_000 }).toBe('timed-out');
      expect((await task(ids[0])).attempts[0].error).toBe('timed out after 1 s');
    } finally {
      clearInterval(beat);
    }
  });

  it('records a completion exactly once: the database refuses a second succeeded attempt', async () => {
    const agent = await registerAgent(rt, { name: 'lease-once', runtime: 'lease-once', capabilities: ['lease-once'] });
    await agent.caller.agents.heartbeat({});
    const { ids } = await admin().tasks.submit({ title: 'once', capabilities: ['lease-once'] });
    const w = (await agent.caller.work.poll({ waitMs: 3000, start: true }))!;
    await agent.caller.work.complete({ taskId: w.taskId, leaseToken: w.leaseToken });
    // A repeated report of the same lease is harmless; a second success row is impossible.
    expect(await agent.caller.work.complete({ taskId: w.taskId, leaseToken: w.leaseToken })).toEqual({
      status: 'succeeded',
    });
    await expect(
      rt.database.db.execute(sql`
      insert into task_attempts (task_id, attempt, agent_id, lease_token, status, queued_at, assigned_at)
      values (${ids[0]}, 99, ${agent.agentId}, 'forged', 'succeeded', now(), now())`),
    ).rejects.toThrow();
    expect((await task(ids[0])).attempts.filter((a) => a.status === 'succeeded')).toHaveLength(1);
  });
});

describe('circuit breakers', () => {
  it('opens after 5 consecutive failures, routes around the agent, probes after the cool-down and closes on success', async () => {
    const flaky = await registerAgent(rt, { name: 'cb-flaky', runtime: 'cb-flaky', capabilities: ['cb'] });
    await flaky.caller.agents.heartbeat({});
    const { ids } = await admin().tasks.submit({
      tasks: Array.from({ length: 5 }, (_, i) => ({ title: `cb-${i}`, capabilities: ['cb'], maxAttempts: 1 })),
    });
    for (let i = 0; i < 5; i++) {
      const w = (await flaky.caller.work.poll({ waitMs: 3000 }))!;
      await flaky.caller.work.fail({ taskId: w.taskId, leaseToken: w.leaseToken, error: 'provider down' });
    }
    expect(ids).toHaveLength(5);
    await expect
      .poll(async () => (await admin().agents.get({ id: flaky.agentId })).breaker, { timeout: 3_000 })
      .toBe('open');
    const view = await admin().agents.breaker({ id: flaky.agentId });
    expect(view.agent).toMatchObject({ state: 'open', consecutiveFailures: 5 });
    expect(view.history[0]).toMatchObject({ from: 'closed', to: 'open', reason: '5 of 5 calls failed (100 %)' });

    // While open it gets nothing; after the cool-down one probe goes through, and its success closes the breaker.
    const {
      ids: [probe],
    } = await admin().tasks.submit({ title: 'probe', capabilities: ['cb'] });
    const w = (await flaky.caller.work.poll({ waitMs: 5000, start: true }))!;
    expect(w.taskId).toBe(probe);
    const history = (await admin().agents.breaker({ id: flaky.agentId })).history.map((h) => `${h.from}→${h.to}`);
    expect(history).toContain('open→half-open');
    await flaky.caller.work.complete({ taskId: w.taskId, leaseToken: w.leaseToken });
    await expect
      .poll(async () => (await admin().agents.get({ id: flaky.agentId })).breaker, { timeout: 3_000 })
      .toBe('closed');
  });

  it('excludes an agent whose breaker is open from routing, says so in the decision, and lets an operator force and reset it', async () => {
    const a = await registerAgent(rt, { name: 'cb-op-a', runtime: 'cb-op-a', capabilities: ['cb-op'] });
    const b = await registerAgent(rt, { name: 'cb-op-b', runtime: 'cb-op-b', capabilities: ['cb-op'] });
    await a.caller.agents.heartbeat({});
    await b.caller.agents.heartbeat({});
    expect(await admin().agents.forceOpenBreaker({ id: a.agentId, scope: 'agent' })).toMatchObject({
      state: 'open',
      forcedBy: { kind: 'api-token', id: 'tok_test', name: 'test-admin' },
    });
    const { ids } = await admin().tasks.submit({ title: 'routed around', capabilities: ['cb-op'] });
    await rt.core.dispatchNow();
    const d = (await task(ids[0])).decisions[0];
    expect(d.winnerAgentName).toBe('cb-op-b');
    expect(d.excluded).toEqual(
      expect.arrayContaining([expect.objectContaining({ agentName: 'cb-op-a', reason: 'breaker open' })]),
    );

    expect(await admin().agents.resetBreaker({ id: a.agentId, scope: 'agent' })).toMatchObject({ state: 'closed' });
    const history = (await admin().agents.breaker({ id: a.agentId })).history;
    expect(history.slice(0, 2).map((h) => [h.to, h.by?.name])).toEqual([
      ['closed', 'test-admin'],
      ['open', 'test-admin'],
    ]);
  });
});
