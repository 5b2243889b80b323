import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPrincipal, callerAs, registerAgent, startTestRuntime } from '@/server/testing/test-runtime';

let rt: Awaited<ReturnType<typeof startTestRuntime>>;
beforeAll(async () => {
  rt = await startTestRuntime({ FLIGHTDECK_DEMO: '0' });
});
afterAll(async () => {
  await rt.dispose();
});

describe('overview and metrics', () => {
  it('counts agents by state, queue depth by priority, throughput and success rate', async () => {
    const admin = callerAs(rt, adminPrincipal);
    const worker = await registerAgent(rt, { name: 'ov-1', capabilities: ['ov'] });
    await worker.caller.agents.heartbeat({});
    await registerAgent(rt, { name: 'ov-2', capabilities: ['ov'] });
    await admin.tasks.submit({
      tasks: [
        { title: 'ok', capabilities: ['ov'], priority: 'high' },
        { title: 'bad', capabilities: ['ov'], priority: 'high', maxAttempts: 1 },
        { title: 'waits', capabilities: ['gpu'], priority: 'low' },
      ],
    });
    for (const outcome of ['complete', 'fail'] as const) {
      const w = (await worker.caller.work.poll({ waitMs: 3000 }))!;
      if (outcome === 'complete') await worker.caller.work.complete({ taskId: w.taskId, leaseToken: w.leaseToken });
      else await worker.caller.work.fail({ taskId: w.taskId, leaseToken: w.leaseToken, error: 'no' });
    }
    const o = await admin.overview.get();
    expect(o.agents).toMatchObject({ idle: 1, starting: 1, busy: 0 });
    expect(o.queue).toMatchObject({ low: 1, high: 0 });
    expect(o.queueTotal).toBe(1);
    expect(o.successRate).toBe(0.5);
    expect(o.throughputPerSec).toBeCloseTo(2 / 60, 2);
    expect(o.dispatchP95Ms).not.toBeNull();
    const decisions = await admin.overview.decisions({ limit: 10 });
    expect(decisions.map((d) => d.winnerAgentName)).toEqual(['ov-1', 'ov-1']);
  });

  it('serves the chart series over a chosen range in a bounded number of buckets, and refuses an unknown range', async () => {
    const admin = callerAs(rt, adminPrincipal);
    const quarter = await admin.overview.series({ range: '15m' });
    const week = await admin.overview.series({ range: '7d' });
    expect(quarter).toMatchObject({ range: '15m', bucketMs: 5_000, buckets: 180 });
    expect(week).toMatchObject({ range: '7d', bucketMs: 1_800_000, buckets: 336 });
    expect(week.to - week.from).toBe(7 * 24 * 3_600_000);
    for (const p of quarter.points) expect(p.at).toBeGreaterThanOrEqual(quarter.from);
    await expect(admin.overview.series({ range: '2w' as never })).rejects.toThrow(/range/);
  });

  it('exposes Prometheus metrics for registration and dispatch latency, queue depth and agents', async () => {
    const text = await rt.metrics.registry.metrics();
    expect(text).toMatch(/flightdeck_agent_registration_seconds_count \d+/);
    expect(text).toMatch(/flightdeck_dispatch_latency_seconds_count\{priority="high"\} 2/);
    expect(text).toMatch(/flightdeck_queue_depth\{priority="low"\} 1/);
    expect(text).toMatch(/flightdeck_agents\{state="idle"\} 1/);
    expect(text).toMatch(/flightdeck_tasks_finished_total\{status="succeeded"\} 1/);
    expect(text).toMatch(/^process_cpu_seconds_total /m);
  });

  it('keeps the success rate unrounded, counts failures and dead letters, and times the decision apart from the queue wait', async () => {
    const admin = callerAs(rt, adminPrincipal);
    const worker = await registerAgent(rt, { name: 'ov-1', capabilities: ['ov'] });
    await worker.caller.agents.heartbeat({});
    await admin.tasks.submit({ title: 'ok again', capabilities: ['ov'] });
    const w = (await worker.caller.work.poll({ waitMs: 3000 }))!;
    await worker.caller.work.complete({ taskId: w.taskId, leaseToken: w.leaseToken });

    const o = await admin.overview.get();
    // 2 of 3: printed as 66.7 %, so it must not arrive as 0.67.
    expect(o.successRate).toBeCloseTo(2 / 3, 9);
    expect(o).toMatchObject({ succeeded: 2, failed: 1, deadLettered: 1, latencyWindowMs: 60_000 });
    expect(o.throughputPerSec).toBeCloseTo(3 / 60, 9);
    expect(o.decisionP95Us).toBeGreaterThan(0);
    expect(o.decisionP50Us).toBeLessThanOrEqual(o.decisionP95Us!);

    const decisions = await admin.overview.decisions({ limit: 3 });
    expect(decisions.map((d) => d.taskTitle)).toEqual(['ok again', 'bad', 'ok']);
  });
});
