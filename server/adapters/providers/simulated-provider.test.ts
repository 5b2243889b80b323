import { afterEach, describe, expect, it } from 'vitest';
import type { ManagedAgentSpec } from '@/server/core/pools/ports';
import { SimulatedProvider } from './simulated-provider';
import { FakeSimulatedHost } from './testing/fake-simulated-host';

/** Fast agents: tasks of 5–10 ms, heartbeats every 20 ms, nothing going wrong unless a test says so. */
const FAST = { latencyMs: { min: 5, max: 10 }, progressSteps: 2, failureRate: 0, heartbeatIntervalMs: 20 };

let provider: SimulatedProvider;
let host: FakeSimulatedHost;

function setUp(seed = 7): void {
  host = new FakeSimulatedHost();
  provider = new SimulatedProvider({ host: () => host, seed });
}

function spec(settings: Record<string, unknown>, over: Partial<ManagedAgentSpec> = {}): ManagedAgentSpec {
  return {
    poolName: 'sim',
    agentId: 'agt_sim1',
    agentName: 'sim-1',
    agentToken: 'unused',
    serverUrl: 'inproc://',
    adapter: 'simulated',
    capabilities: ['code'],
    concurrency: 1,
    settings: { ...FAST, ...settings },
    ...over,
  };
}

afterEach(async () => {
  await provider?.stopAll(0);
});

describe('SimulatedProvider', () => {
  it('works tasks through the host: progress, results, heartbeats with growing context', async () => {
    setUp();
    host.submit('a', 'b', 'c', 'd', 'e');
    const { ref } = await provider.start(
      spec({ contextWindow: 100_000, contextPerTask: 1_000, latencyMs: { min: 30, max: 60 } }, { concurrency: 2 }),
    );
    expect(ref).toBe('agt_sim1');
    expect(await provider.isRunning(ref)).toBe(true);

    await expect.poll(() => host.of('complete').length, { timeout: 5_000 }).toBe(5);
    expect(
      host
        .of('complete')
        .map((o) => o.taskId)
        .sort(),
    ).toEqual(['tsk_a', 'tsk_b', 'tsk_c', 'tsk_d', 'tsk_e']);
    expect(host.of('complete')[0]!.result).toEqual({ summary: expect.stringContaining('done in') });
    expect(
      host
        .of('progress')
        .filter((p) => p.taskId === 'tsk_a')
        .map((p) => [p.message, p.percent]),
    ).toEqual([
      ['step 1/2: reading the code', 33],
      ['step 2/2: making changes', 67],
    ]);
    expect(host.of('fail')).toEqual([]);

    // 2 % of the window to begin with, plus 1,000 tokens a task.
    await expect.poll(() => host.heartbeats.at(-1)?.contextUsed).toBe(2_000 + 5_000);
    const last = host.heartbeats.at(-1)!;
    expect(last).toMatchObject({ agentId: 'agt_sim1', contextWindow: 100_000, load: 0, activity: { state: 'idle' } });
    expect(host.heartbeats.some((h) => h.activity?.state === 'working')).toBe(true);
    expect(await provider.logs(ref, 50)).toMatch(/took tsk_a: a[\s\S]*completed tsk_a/);

    await provider.stop(ref, 100);
    expect(await provider.isRunning(ref)).toBe(false);
    expect(await provider.logs(ref, 1)).toMatch(/stopped$/);
  });

  it('fails some tasks, as retryable', async () => {
    setUp();
    host.submit('x', 'y');
    await provider.start(spec({ failureRate: 1 }));
    await expect.poll(() => host.of('fail').length, { timeout: 5_000 }).toBe(2);
    expect(host.of('fail')[0]).toMatchObject({
      taskId: 'tsk_x',
      retryable: true,
      error: expect.stringContaining('simulated failure'),
    });
    expect(host.of('complete')).toEqual([]);
  });

  it('a rate limit hands the task back and pauses polling until it lifts', async () => {
    setUp();
    host.submit('first', 'second');
    const { ref } = await provider.start(spec({ rateLimitRate: 1, rateLimitMs: 300 }));
    await expect.poll(() => host.of('release').length, { timeout: 5_000 }).toBe(1);
    const released = host.of('release')[0]!;
    expect(released).toMatchObject({
      taskId: 'tsk_first',
      reason: expect.stringMatching(/^rate limited until \d{4}-/),
    });
    const limited = host.heartbeats.find((h) => h.activity?.state === 'rate-limited')!;
    expect(limited.activity!.resetAt! - released.at).toBeGreaterThan(250);
    expect(limited.activity!.resetAt! - released.at).toBeLessThanOrEqual(300);

    // The second task waits for the limit to lift, then meets the next one.
    await expect.poll(() => host.taken.length, { timeout: 5_000 }).toBe(2);
    expect(host.taken[1]!.at).toBeGreaterThanOrEqual(limited.activity!.resetAt! - 5);
    const lifted = host.heartbeats.findIndex(
      (h, i) => i > host.heartbeats.indexOf(limited) && h.activity?.state !== 'rate-limited',
    );
    expect(lifted).toBeGreaterThan(-1);
    expect(await provider.logs(ref, 50)).toContain('rate limit lifted');
  });

  it('compacts its context when a heartbeat asks it to consolidate', async () => {
    setUp();
    host.answer = (r) => ({ status: 'idle', consolidate: (r.contextUsed ?? 0) >= 80_000, parkedUntil: null });
    host.submit('a', 'b');
    const { ref } = await provider.start(spec({ contextWindow: 100_000, contextPerTask: 40_000 }));
    // Full enough after two tasks (2,000 + 2 × 40,000): compacted to a tenth of the window, reported at once.
    await expect.poll(() => host.heartbeats.some((h) => h.contextUsed === 10_000), { timeout: 5_000 }).toBe(true);
    expect(host.heartbeats.some((h) => h.activity?.detail === 'compacting context')).toBe(true);
    expect(await provider.logs(ref, 50)).toContain('compacted context: 82000 -> 10000 tokens');

    host.submit('c');
    await expect.poll(() => host.of('complete').length, { timeout: 5_000 }).toBe(3);
    await expect.poll(() => host.heartbeats.at(-1)?.contextUsed).toBe(50_000);
  });

  it('stop lets the task in hand finish within the grace', async () => {
    setUp();
    host.submit('quick');
    const { ref } = await provider.start(spec({ latencyMs: { min: 150, max: 150 } }));
    await expect.poll(() => host.taken.length).toBe(1);
    await provider.stop(ref, 2_000);
    expect(host.of('complete').map((o) => o.taskId)).toEqual(['tsk_quick']);
    expect(host.of('release')).toEqual([]);
  });

  it('stop hands back work still in hand when the grace is over', async () => {
    setUp();
    host.submit('slow', 'never');
    const { ref } = await provider.start(spec({ latencyMs: { min: 5_000, max: 5_000 } }));
    await expect.poll(() => host.taken.length).toBe(1);
    const t0 = Date.now();
    await provider.stop(ref, 100);
    expect(Date.now() - t0).toBeLessThan(1_000);
    expect(host.of('release')).toMatchObject([{ taskId: 'tsk_slow', reason: 'agent stopping' }]);
    expect(host.of('complete')).toEqual([]);
    expect(host.queue.map((t) => t.taskId)).toEqual(['tsk_never']);
    expect(await provider.isRunning(ref)).toBe(false);
  });

  it('sleeps while the server says so, and stops when terminated', async () => {
    setUp();
    host.answer = { status: 'sleeping', consolidate: false, parkedUntil: null };
    host.submit('later');
    const { ref } = await provider.start(spec({}));
    await expect.poll(() => host.heartbeats.length).toBeGreaterThan(2);
    expect(host.taken).toEqual([]);
    host.answer = { status: 'idle', consolidate: false, parkedUntil: null };
    await expect.poll(() => host.of('complete').length, { timeout: 5_000 }).toBe(1);
    expect(await provider.logs(ref, 50)).toMatch(/asleep: taking no work[\s\S]*awake/);

    host.answer = { status: 'terminated', consolidate: false, parkedUntil: null };
    await expect.poll(() => provider.isRunning(ref), { timeout: 5_000 }).toBe(false);
  });

  it('asks for input now and then, and carries on afterwards', async () => {
    setUp();
    host.submit('q');
    await provider.start(spec({ waitingForInputRate: 1, waitingForInputMs: 80 }));
    await expect.poll(() => host.of('complete').length, { timeout: 5_000 }).toBe(1);
    const asked = host.heartbeats.find((h) => h.activity?.state === 'waiting-for-input');
    expect(asked?.activity?.detail).toMatch(/^question: /);
  });

  it('replays the same outcomes from the same seed', async () => {
    const outcomes = async () => {
      setUp(42);
      host.submit(...'abcdefghij'.split(''));
      await provider.start(spec({ failureRate: 0.5, latencyMs: { min: 1, max: 3 } }));
      await expect.poll(() => host.of('complete').length + host.of('fail').length, { timeout: 5_000 }).toBe(10);
      await provider.stopAll(0);
      return host.outcomes.filter((o) => o.kind !== 'progress').map((o) => `${o.kind}:${o.taskId}`);
    };
    const first = await outcomes();
    expect(first.filter((o) => o.startsWith('fail')).length).toBeGreaterThan(0);
    expect(first.filter((o) => o.startsWith('complete')).length).toBeGreaterThan(0);
    expect(await outcomes()).toEqual(first);
  });

  it('remove stops and forgets; validateSettings names the field', async () => {
    setUp();
    const { ref } = await provider.start(spec({}));
    await provider.remove(ref);
    expect(await provider.isRunning(ref)).toBe(false);
    expect(await provider.logs(ref, 10)).toBe('');
    expect(await provider.check()).toMatchObject({ ok: true });

    expect(provider.validateSettings({})).toBeNull();
    expect(provider.validateSettings(FAST)).toBeNull();
    expect(provider.validateSettings({ latencyMs: { min: 10, max: 5 } })).toBe('latencyMs.min: must not exceed max');
    expect(provider.validateSettings({ failureRate: 2 })).toBe('failureRate: must be between 0 and 1');
    expect(provider.validateSettings({ heartbeatIntervalMs: 'often' })).toMatch(/^heartbeatIntervalMs: /);
    expect(provider.validateSettings({ latency: 5, seed: 1 })).toBe('unknown settings latency, seed');
  });
});
