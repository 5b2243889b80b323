import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reading } from '@/server/core/alerts/alert-model';
import { METRICS, readingKey } from '@/server/core/alerts/metric-catalogue';
import { adminPrincipal, callerAs, registerAgent, startTestRuntime } from '@/server/testing/test-runtime';

let rt: Awaited<ReturnType<typeof startTestRuntime>>;
beforeAll(async () => {
  // Readings only: the evaluator stays out of the way.
  rt = await startTestRuntime({ FLIGHTDECK_ALERT_EVAL_MS: '600000' });
});
afterAll(async () => {
  await rt.dispose();
});

const admin = () => callerAs(rt, adminPrincipal);

/** Every metric of the catalogue, read once with its default settings. */
async function readAll(): Promise<Record<string, Reading[]>> {
  const requests = METRICS.map((m) => ({ metric: m.name, params: { ...m.params } as Record<string, number> }));
  const found = await rt.core.deps.store.alerts.readings.read(requests, Date.now());
  return Object.fromEntries(requests.map((r) => [r.metric, found.get(readingKey(r.metric, r.params)) ?? []]));
}

const valueOf = (readings: Reading[], labels: Record<string, string>) =>
  readings.find((r) => Object.entries(labels).every(([k, v]) => r.labels[k] === v))?.value;

describe('alert readings', () => {
  it('read failures, dead letters and dispatch latency from the work agents did', async () => {
    const agent = await registerAgent(rt, { name: 'flaky-1', capabilities: ['flaky'], runtime: 'codex' });
    await agent.caller.agents.heartbeat({});
    await admin().tasks.submit({
      tasks: Array.from({ length: 5 }, (_, i) => ({ title: `flaky ${i}`, capabilities: ['flaky'], maxAttempts: 1 })),
    });
    for (let i = 0; i < 5; i++) {
      const w = (await agent.caller.work.poll({ waitMs: 3000, start: true }))!;
      await agent.caller.work.fail({ taskId: w.taskId, leaseToken: w.leaseToken, error: 'boom' });
    }
    const r = await readAll();
    expect(valueOf(r.failure_rate_by_capability, { capability: 'flaky' })).toBe(100);
    expect(valueOf(r.failure_rate_by_runtime, { runtime: 'codex' })).toBe(100);
    expect(valueOf(r.dead_letter_growth, { capability: 'flaky' })).toBe(5);
    expect(r.dispatch_latency_p95[0].value).toBeGreaterThanOrEqual(0);
  });

  it('read queued work per capability, and the work no healthy agent can take', async () => {
    await admin().tasks.submit({ title: 'weld', capabilities: ['weld', 'flaky'] });
    const r = await readAll();
    expect(valueOf(r.queue_depth, { capability: 'weld' })).toBe(1);
    expect(valueOf(r.unservable_queued, { capability: 'weld' })).toBe(1);
    expect(valueOf(r.unservable_queued, { capability: 'flaky' })).toBeUndefined();
  });

  it('read agents that are unhealthy, offline, near a full context or rate-limited', async () => {
    const full = await registerAgent(rt, { name: 'full-1', capabilities: ['x'] });
    await full.caller.agents.heartbeat({ contextUsed: 190_000, contextWindow: 200_000 });
    const limited = await registerAgent(rt, { name: 'limited-1', capabilities: ['x'] });
    await limited.caller.agents.heartbeat({ activity: { state: 'rate-limited' } });
    const lost = await registerAgent(rt, { name: 'lost-1', capabilities: ['x'], runtime: 'aider' });
    const sick = await registerAgent(rt, { name: 'sick-1', capabilities: ['x'] });
    const { db } = rt.database;
    await db.execute(sql`update agents set status = 'offline' where id = ${lost.agentId}`);
    await db.execute(sql`update agents set status = 'unhealthy' where id = ${sick.agentId}`);
    const r = await readAll();
    expect(valueOf(r.agent_context_used, { agent: 'full-1', agent_id: full.agentId })).toBe(95);
    expect(valueOf(r.agent_rate_limited, { agent: 'limited-1' })).toBeGreaterThanOrEqual(0);
    expect(r.agent_offline.find((x) => x.labels.agent_id === lost.agentId)?.labels).toEqual({
      agent: 'lost-1',
      agent_id: lost.agentId,
      runtime: 'aider',
    });
    expect(valueOf(r.agent_unhealthy, { agent: 'sick-1' })).toBeGreaterThanOrEqual(0);
    expect(valueOf(r.agent_unhealthy, { agent: 'full-1' })).toBeUndefined();
  });

  it('read open breakers of agents and runtimes, pools held back, and leader changes', async () => {
    const b = await registerAgent(rt, { name: 'brk-1', capabilities: ['y'], runtime: 'gemini' });
    await admin().agents.forceOpenBreaker({ id: b.agentId, scope: 'runtime' });
    const pool = await admin().pools.create({
      name: 'held',
      capabilities: ['z'],
      provider: 'simulated',
      enabled: false,
    });
    const hold = (kind: string) => JSON.stringify({ kind, key: kind, message: 'held', until: null });
    await rt.database.db.execute(
      sql`update pools set enabled = true, hold = ${hold('crash-loop')}::jsonb where id = ${pool.id}`,
    );
    const r = await readAll();
    expect(r.breaker_open.find((x) => x.labels.breaker === 'runtime' && x.labels.runtime === 'gemini')?.labels).toEqual(
      {
        breaker: 'runtime',
        target: 'gemini',
        runtime: 'gemini',
      },
    );
    expect(r.pool_crash_looping).toEqual([
      { metric: 'pool_crash_looping', labels: { pool: 'held', pool_id: pool.id }, value: 1 },
    ]);
    expect(r.pool_at_max_backlog).toEqual([]);
    expect(r.leader_changes[0].value).toBeGreaterThanOrEqual(1);
  });
});
