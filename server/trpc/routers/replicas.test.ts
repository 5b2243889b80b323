import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPrincipal, callerAs, startTestRuntime, type TestRuntime } from '@/server/testing/test-runtime';

/** Short enough that a takeover fits in a test, long enough for a loaded CI machine. */
const LEASE = { FLIGHTDECK_LEASE_TTL_MS: '2000' };
let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime(LEASE);
});
afterAll(async () => rt?.dispose());

const loops = (r: TestRuntime, scope: 'replica' | 'cluster') => r.core.loopSnapshots().filter((l) => l.scope === scope);
const running = (r: TestRuntime, scope: 'replica' | 'cluster') =>
  Object.fromEntries(loops(r, scope).map((l) => [l.name, l.running]));
const allRunning = (r: TestRuntime, scope: 'replica' | 'cluster') =>
  Object.fromEntries(loops(r, scope).map((l) => [l.name, true]));
const allStopped = (r: TestRuntime, scope: 'replica' | 'cluster') =>
  Object.fromEntries(loops(r, scope).map((l) => [l.name, false]));

describe('a lone replica', () => {
  it('leads as soon as it has started, and runs every loop, the cluster ones included', async () => {
    expect(rt.core.leadership).toMatchObject({ isLeader: true, epoch: 1 });
    expect(Object.keys(running(rt, 'cluster'))).toEqual(
      expect.arrayContaining(['heartbeat-sweep', 'lease-sweep', 'autoscaler', 'metric-sampler', 'decision-pruner']),
    );
    expect(running(rt, 'cluster')).toEqual(allRunning(rt, 'cluster'));
    expect(running(rt, 'replica')).toEqual(allRunning(rt, 'replica'));
    expect(running(rt, 'replica')).toMatchObject({ dispatcher: true, 'leader-lease': true, 'event-log-reader': true });
    // They tick, inside the fence of the lease's epoch.
    await expect
      .poll(() => loops(rt, 'cluster').find((l) => l.name === 'heartbeat-sweep')!.ticks, { timeout: 5_000 })
      .toBeGreaterThan(1);
  });

  it('system.replicas lists it as the leader with its epoch', async () => {
    const cluster = await callerAs(rt, adminPrincipal).system.replicas();
    expect(cluster.self).toBe(rt.core.replica.id);
    expect(cluster.leader).toEqual({ id: rt.core.replica.id, epoch: 1, since: expect.any(Number) });
    expect(cluster.replicas).toEqual([
      {
        ...rt.core.replica,
        lastSeenAt: expect.any(Number),
        leader: true,
        epoch: 1,
      },
    ]);
  });
});

if (process.env.DATABASE_URL) {
  describe('two replicas on one PostgreSQL database', () => {
    let other: TestRuntime;
    beforeAll(async () => {
      other = await startTestRuntime(LEASE, { replicaOf: rt });
    });
    afterAll(async () => other?.dispose());

    it('exactly one leads; the other runs its replica loops and none of the cluster loops', async () => {
      expect(rt.core.leadership.isLeader).toBe(true);
      expect(other.core.leadership).toMatchObject({ isLeader: false, epoch: null });
      expect(running(other, 'cluster')).toEqual(allStopped(other, 'cluster'));
      expect(running(other, 'replica')).toEqual(allRunning(other, 'replica'));
      // Over a few renewals, still one leader and the same epoch.
      await new Promise((r) => setTimeout(r, 1_500));
      expect([rt, other].filter((r) => r.core.leadership.isLeader)).toEqual([rt]);
      expect(rt.core.leadership.epoch).toBe(1);
      const cluster = await callerAs(other, adminPrincipal).system.replicas();
      expect(cluster.self).toBe(other.core.replica.id);
      expect(cluster.leader).toMatchObject({ id: rt.core.replica.id, epoch: 1 });
      expect(cluster.replicas.map((r) => [r.id, r.leader])).toEqual([
        [rt.core.replica.id, true],
        [other.core.replica.id, false],
      ]);
    });

    it('a leader that stops renewing (paused) steps down by itself, and the other leads with the next epoch', async () => {
      await rt.core.leadership.loop.stop();
      await expect.poll(() => rt.core.leadership.isLeader, { timeout: 5_000 }).toBe(false);
      expect(running(rt, 'cluster')).toEqual(allStopped(rt, 'cluster'));
      await expect.poll(() => other.core.leadership.epoch, { timeout: 5_000 }).toBe(2);
      expect(running(other, 'cluster')).toEqual(allRunning(other, 'cluster'));
      // Resumed, it finds the lease taken and stays a follower.
      rt.core.leadership.loop.start();
      await new Promise((r) => setTimeout(r, 1_000));
      expect(rt.core.leadership.isLeader).toBe(false);
      expect(running(rt, 'cluster')).toEqual(allStopped(rt, 'cluster'));
    });

    it('when the leader stops cleanly the other takes over within a renewal, and every term is an event', async () => {
      const started = performance.now();
      await other.stop();
      await expect.poll(() => rt.core.leadership.epoch, { timeout: 5_000 }).toBe(3);
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(running(rt, 'cluster')).toEqual(allRunning(rt, 'cluster'));
      const terms = (await rt.store.events.after(0, 100_000))
        .filter((e) => e.name === 'cluster:leader-changed')
        .map((e) => e.payload);
      expect(terms).toEqual([
        { holder: rt.core.replica.id, epoch: 1, previous: null },
        { holder: other.core.replica.id, epoch: 2, previous: rt.core.replica.id },
        { holder: rt.core.replica.id, epoch: 3, previous: other.core.replica.id },
      ]);
      // A replica that stopped cleanly leaves the list.
      const cluster = await callerAs(rt, adminPrincipal).system.replicas();
      expect(cluster.replicas.map((r) => r.id)).toEqual([rt.core.replica.id]);
    });
  });
}
