import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeClock, silentLogger } from '../testing/fakes';
import { MemoryLease } from '../testing/memory-lease';
import { Leadership } from './leadership';
import { passThroughFence } from './pass-through-fence';

const TTL = 6_000;

/** A replica's leadership over a shared lease; `loops` records what its cluster loops were told. */
function replica(id: string, lease: MemoryLease, clock: FakeClock) {
  const loops: string[] = [];
  const leadership = new Leadership(
    lease,
    passThroughFence,
    clock,
    silentLogger,
    { replica: id, ttlMs: TTL },
    {
      gained: (epoch) => void loops.push(`start@${epoch}`),
      lost: async (epoch) => void loops.push(`stop@${epoch}`),
    },
  );
  return { leadership, loops };
}

describe('Leadership', () => {
  afterEach(() => vi.useRealTimers());

  it('takes a free lease with epoch 1, starts the cluster loops once, and keeps the epoch while it renews', async () => {
    const clock = new FakeClock();
    const lease = new MemoryLease(() => clock.now());
    const a = replica('a', lease, clock);
    await a.leadership.claim();
    expect(a.leadership).toMatchObject({ isLeader: true, epoch: 1 });
    for (let i = 0; i < 5; i++) {
      clock.advance(2_000);
      await a.leadership.claim();
    }
    expect(a.leadership.epoch).toBe(1);
    expect(a.loops).toEqual(['start@1']);
    expect(lease.row).toMatchObject({ holder: 'a', epoch: 1, expiresAt: clock.now() + TTL });
    await a.leadership.stop();
  });

  it('a second replica does not lead while the first renews, and takes over with the next epoch once it stops renewing', async () => {
    const clock = new FakeClock();
    const lease = new MemoryLease(() => clock.now());
    const a = replica('a', lease, clock);
    const b = replica('b', lease, clock);
    await a.leadership.claim();
    await b.leadership.claim();
    expect(b.leadership.isLeader).toBe(false);
    expect(b.leadership.lastSeen).toMatchObject({ holder: 'a', epoch: 1 });
    expect(b.loops).toEqual([]);
    // a goes silent (paused, cut off): its lease runs out and b takes it.
    clock.advance(TTL);
    await b.leadership.claim();
    expect(b.leadership).toMatchObject({ isLeader: true, epoch: 2 });
    expect(b.loops).toEqual(['start@2']);
    // a wakes up: its renewal answers b's lease, and it stops its loops at once.
    await a.leadership.claim();
    expect(a.leadership.isLeader).toBe(false);
    expect(a.loops).toEqual(['start@1', 'stop@1']);
    await Promise.all([a.leadership.stop(), b.leadership.stop()]);
  });

  it('a renewal that fails is a loss: the loops stop; the next good claim of a lease still held starts them again', async () => {
    const clock = new FakeClock();
    const lease = new MemoryLease(() => clock.now());
    const a = replica('a', lease, clock);
    await a.leadership.claim();
    lease.failWith = new Error('connection refused');
    clock.advance(2_000);
    await expect(a.leadership.claim()).rejects.toThrow('connection refused');
    expect(a.leadership).toMatchObject({ isLeader: false, epoch: null });
    expect(a.loops).toEqual(['start@1', 'stop@1']);
    lease.failWith = null;
    clock.advance(2_000);
    await a.leadership.claim();
    // The row was still ours and live: the same term goes on.
    expect(a.leadership.epoch).toBe(1);
    expect(a.loops).toEqual(['start@1', 'stop@1', 'start@1']);
    await a.leadership.stop();
  });

  it('the same replica claiming after its own lease expired gets a new epoch, and its loops restart under it', async () => {
    const clock = new FakeClock();
    const lease = new MemoryLease(() => clock.now());
    const a = replica('a', lease, clock);
    await a.leadership.claim();
    clock.advance(TTL + 1);
    await a.leadership.claim();
    expect(a.leadership.epoch).toBe(2);
    expect(a.loops).toEqual(['start@1', 'stop@1', 'start@2']);
    await a.leadership.stop();
  });

  it('steps down when a renewal does not come back before the lease could have lapsed', async () => {
    vi.useFakeTimers();
    const clock = new FakeClock();
    const lease = new MemoryLease(() => clock.now());
    const a = replica('a', lease, clock);
    await a.leadership.claim();
    // The database stops answering: the next renewal hangs.
    lease.claim = () => new Promise(() => {});
    void a.leadership.claim();
    await vi.advanceTimersByTimeAsync(TTL - 1);
    expect(a.leadership.isLeader).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(a.leadership.isLeader).toBe(false);
    expect(a.loops).toEqual(['start@1', 'stop@1']);
  });

  it('a clean stop stops the loops, then releases the lease, so another replica leads at once', async () => {
    const clock = new FakeClock();
    const lease = new MemoryLease(() => clock.now());
    const a = replica('a', lease, clock);
    const b = replica('b', lease, clock);
    const order: string[] = [];
    const release = lease.release.bind(lease);
    lease.release = async (r, e) => {
      order.push(`release ${r}@${e} after ${a.loops.at(-1)}`);
      return release(r, e);
    };
    await a.leadership.claim();
    await a.leadership.stop();
    expect(order).toEqual(['release a@1 after stop@1']);
    await b.leadership.claim();
    expect(b.leadership).toMatchObject({ isLeader: true, epoch: 2 });
    await b.leadership.stop();
  });

  it('tells watchers the epoch it leads under, and null when it stops leading', async () => {
    const clock = new FakeClock();
    const lease = new MemoryLease(() => clock.now());
    const a = replica('a', lease, clock);
    const seen: (number | null)[] = [];
    a.leadership.watch((e) => seen.push(e));
    await a.leadership.claim();
    clock.advance(TTL + 1);
    await a.leadership.claim();
    await a.leadership.stop();
    expect(seen).toEqual([null, 1, null, 2, null]);
  });

  it('runs a once-per-cluster write only while leading, inside the fence of its epoch', async () => {
    const clock = new FakeClock();
    const lease = new MemoryLease(() => clock.now());
    const fencedAt: number[] = [];
    const leadership = new Leadership(
      lease,
      { run: (epoch, fn) => (fencedAt.push(epoch), fn()) },
      clock,
      silentLogger,
      { replica: 'a', ttlMs: TTL },
      { gained: () => {}, lost: async () => {} },
    );
    const writes: string[] = [];
    expect(await leadership.asLeader(async () => void writes.push('before'))).toBe(false);
    await leadership.claim();
    expect(await leadership.asLeader(async () => void writes.push('leading'))).toBe(true);
    expect(writes).toEqual(['leading']);
    expect(fencedAt).toEqual([1]);
    await leadership.stop();
  });
});
