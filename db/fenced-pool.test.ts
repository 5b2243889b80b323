import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/server/testing/test-runtime';
import { FencedPool, isFencedOut, runFenced } from './fenced-pool';

// Fencing exists for PostgreSQL only (PGlite is one process); the machine and CI always have one.
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let scratch: Awaited<ReturnType<typeof createTestDatabase>>;
let pool: FencedPool;
let admin: pg.Client;
const db = () => drizzle(pool);

beforeAll(async () => {
  scratch = await createTestDatabase(ADMIN_URL, `fd_fence_${Date.now().toString(36)}`);
  admin = new pg.Client({ connectionString: scratch.url });
  await admin.connect();
  await admin.query(`create table leader_lease (name text primary key, holder text not null, epoch bigint not null,
    acquired_at timestamptz not null, renewed_at timestamptz not null, expires_at timestamptz not null)`);
  await admin.query(`create table writes (id serial primary key, what text not null)`);
  await admin.query(
    `insert into leader_lease values ('cluster', 'replica-a', 7, now(), now(), now() + interval '1 hour')`,
  );
  pool = new FencedPool({ connectionString: scratch.url, max: 4 });
});
afterAll(async () => {
  await pool?.end();
  await admin?.end();
  await scratch?.drop();
});

const count = async (what: string) =>
  Number((await admin.query(`select count(*) as n from writes where what = $1`, [what])).rows[0].n);
/** The rejection of a fenced-out tick (drizzle wraps the driver's error). */
const fencedOut = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isFencedOut(err), `expected a fenced-out error, got ${String(err)}`).toBe(true);
};
const setLease = (epoch: number, expires = `now() + interval '1 hour'`) =>
  admin.query(`update leader_lease set epoch = $1, expires_at = ${expires} where name = 'cluster'`, [epoch]);

describe('fenced pool', () => {
  it('lets a tick under the current epoch write, alone and in a transaction, and leaves other statements alone', async () => {
    await setLease(7);
    await runFenced(7, () => db().execute(sql`insert into writes (what) values ('current')`));
    await runFenced(7, () =>
      db().transaction(async (tx) => {
        await tx.execute(sql`insert into writes (what) values ('current')`);
        await tx.execute(sql`insert into writes (what) values ('current')`);
      }),
    );
    await db().execute(sql`insert into writes (what) values ('unfenced')`);
    expect(await count('current')).toBe(3);
    expect(await count('unfenced')).toBe(1);
  });

  it('refuses every write of a tick whose epoch the lease has moved past, or whose lease expired, and writes nothing', async () => {
    await setLease(8);
    await fencedOut(runFenced(7, () => db().execute(sql`insert into writes (what) values ('stale')`)));
    await fencedOut(
      runFenced(7, () => db().transaction((tx) => tx.execute(sql`insert into writes (what) values ('stale')`))),
    );
    await setLease(8, `now() - interval '1 second'`);
    await fencedOut(runFenced(8, () => db().execute(sql`insert into writes (what) values ('stale')`)));
    expect(await count('stale')).toBe(0);
    // Requests of the replica (no fence) are not affected by the lease.
    await db().execute(sql`insert into writes (what) values ('request')`);
    expect(await count('request')).toBe(1);
  });

  it('makes a takeover wait for a write already checked, and refuses the old epoch after it', async () => {
    await setLease(9);
    let release!: () => void;
    const paused = new Promise<void>((r) => (release = r));
    let checked!: () => void;
    const inside = new Promise<void>((r) => (checked = r));
    const oldLeader = runFenced(9, () =>
      db().transaction(async (tx) => {
        await tx.execute(sql`insert into writes (what) values ('in-flight')`);
        checked();
        await paused;
      }),
    );
    await inside;
    const takeover = admin.query(`update leader_lease set epoch = 10, holder = 'replica-b' where name = 'cluster'`);
    const state = await Promise.race([
      takeover.then(() => 'took over'),
      new Promise((r) => setTimeout(r, 300, 'waits')),
    ]);
    expect(state).toBe('waits');
    release();
    await oldLeader;
    await takeover;
    expect(await count('in-flight')).toBe(1);
    await fencedOut(runFenced(9, () => db().execute(sql`insert into writes (what) values ('late')`)));
    expect(await count('late')).toBe(0);
  });
});
