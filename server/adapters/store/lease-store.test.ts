import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '@/server/testing/test-runtime';
import { rows } from './rows';

const TTL = 5_000;
let rt: TestRuntime;
/** The epoch the runtime's own replica led under before the test took the lease over. */
let before: number;

beforeAll(async () => {
  rt = await startTestRuntime();
  // The runtime leads its database; it hands the lease back so the test can drive it alone.
  before = rt.core.leadership.epoch!;
  await rt.core.leadership.stop();
});
afterAll(async () => rt?.dispose());

const lease = () => rt.store.lease;
const expireLease = () => rt.database.db.execute(sql`update leader_lease set expires_at = now() - interval '1 s'`);
const leaderEvents = async () =>
  (
    await rows<{ payload: unknown }>(
      rt.database.db,
      sql`select payload from events where name = 'cluster:leader-changed' order by position`,
    )
  ).map((r) => r.payload);

describe('leader lease store (database clock)', () => {
  it('the runtime took the lease of its fresh database at start, with epoch 1', async () => {
    expect(before).toBe(1);
    expect(await lease().current()).toMatchObject({ holder: rt.core.replica.id, epoch: 1 });
  });

  it('claims a free lease with the next epoch, renews it with the same epoch, and refuses it to another replica', async () => {
    const a = await lease().claim('replica-a', TTL);
    expect(a).toMatchObject({ holder: 'replica-a', epoch: before + 1 });
    expect(a.expiresAt - a.acquiredAt).toBe(TTL);

    await new Promise((r) => setTimeout(r, 20));
    const renewed = await lease().claim('replica-a', TTL);
    expect(renewed).toMatchObject({ holder: 'replica-a', epoch: before + 1, acquiredAt: a.acquiredAt });
    expect(renewed.expiresAt).toBeGreaterThan(a.expiresAt);

    // Another replica is answered with the holder's lease, unchanged.
    expect(await lease().claim('replica-b', TTL)).toEqual(renewed);
    expect(await lease().current()).toEqual(renewed);
  });

  it('another replica takes an expired lease with epoch + 1; the former holder cannot renew or release it', async () => {
    await expireLease();
    const b = await lease().claim('replica-b', TTL);
    expect(b).toMatchObject({ holder: 'replica-b', epoch: before + 2 });
    expect(await lease().claim('replica-a', TTL)).toEqual(b);
    expect(await lease().release('replica-a', before + 1)).toBe(false);
    expect(await lease().current()).toEqual(b);
  });

  it('release hands the lease over at once; the same replica claiming after its own lease lapsed gets a new epoch', async () => {
    expect(await lease().release('replica-b', before + 1)).toBe(false); // not its epoch
    expect(await lease().release('replica-b', before + 2)).toBe(true);
    expect(await lease().release('replica-b', before + 2)).toBe(false); // already given up
    expect(await lease().claim('replica-b', TTL)).toMatchObject({ holder: 'replica-b', epoch: before + 3 });
    await expireLease();
    expect(await lease().claim('replica-b', TTL)).toMatchObject({ holder: 'replica-b', epoch: before + 4 });
  });

  it('two replicas claiming a free lease at the same moment: exactly one gets it', async () => {
    await expireLease();
    const answers = await Promise.all(['x', 'y', 'z'].map((r) => lease().claim(`replica-${r}`, TTL)));
    const holders = new Set(answers.map((l) => l.holder));
    expect(holders.size).toBe(1);
    expect(answers.every((l) => l.epoch === before + 5)).toBe(true);
  });

  it('each new term is a cluster:leader-changed event in the log (renewals and releases are not)', async () => {
    expect(await leaderEvents()).toEqual([
      { holder: rt.core.replica.id, epoch: 1, previous: null },
      { holder: 'replica-a', epoch: before + 1, previous: rt.core.replica.id },
      { holder: 'replica-b', epoch: before + 2, previous: 'replica-a' },
      { holder: 'replica-b', epoch: before + 3, previous: 'replica-b' },
      { holder: 'replica-b', epoch: before + 4, previous: 'replica-b' },
      { holder: expect.stringMatching(/^replica-[xyz]$/), epoch: before + 5, previous: 'replica-b' },
    ]);
  });
});

describe('replica store', () => {
  const replicas = () => rt.store.replicas;
  const identity = (id: string, startedAt: number) => ({ id, host: 'host-1', pid: 42, version: '9.9.9', startedAt });

  it('lists the replicas seen lately, oldest first, the holder of the live lease flagged with its epoch', async () => {
    await expireLease();
    await replicas().heartbeat(identity('replica-p', 1_000));
    await replicas().heartbeat(identity('replica-q', 2_000));
    await lease().claim('replica-q', TTL);
    const listed = (await replicas().list(60_000)).filter((r) => r.id.startsWith('replica-'));
    expect(listed).toEqual([
      { ...identity('replica-p', 1_000), lastSeenAt: expect.any(Number), leader: false, epoch: null },
      { ...identity('replica-q', 2_000), lastSeenAt: expect.any(Number), leader: true, epoch: before + 6 },
    ]);
    // An expired lease has no leader.
    await expireLease();
    expect((await replicas().list(60_000)).some((r) => r.leader)).toBe(false);
  });

  it('a heartbeat moves last seen; silent replicas drop out of the list, then are pruned; a clean stop removes one', async () => {
    const [first] = (await replicas().list(60_000)).filter((r) => r.id === 'replica-p');
    await new Promise((r) => setTimeout(r, 20));
    await replicas().heartbeat(identity('replica-p', 1_000));
    const [again] = (await replicas().list(60_000)).filter((r) => r.id === 'replica-p');
    expect(again.lastSeenAt).toBeGreaterThan(first.lastSeenAt);

    await rt.database.db.execute(
      sql`update replicas set last_seen_at = now() - interval '2 hours' where id = 'replica-p'`,
    );
    expect((await replicas().list(60_000)).map((r) => r.id)).not.toContain('replica-p');
    expect(await replicas().prune(3_600_000)).toBe(1);
    await replicas().remove('replica-q');
    expect((await replicas().list(3_600_000)).map((r) => r.id)).not.toContain('replica-q');
  });
});
