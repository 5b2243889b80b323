import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyBusEvent } from '@/server/core/events';
import { followLog } from '@/server/testing/follow-log';
import { runLogWorkload } from '@/server/testing/log-workload';
import { connectRaw, openStateWriters, toggleState, TOGGLE_STATE } from '@/server/testing/raw-writers';
import {
  byEntity,
  installStateAudit,
  logAndAuditHead,
  readLogAndAudit,
  stateChangeOf,
  type StateChange,
} from '@/server/testing/state-audit';
import { adminPrincipal, callerAs, startTestRuntime } from '@/server/testing/test-runtime';

type TestRuntime = Awaited<ReturnType<typeof startTestRuntime>>;
let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime({
    FLIGHTDECK_DB_POOL: '10',
    FLIGHTDECK_RETRY_BASE_MS: '20',
    FLIGHTDECK_RETRY_CAP_MS: '50',
    FLIGHTDECK_BREAKER_COOLDOWN_MS: '100',
    FLIGHTDECK_UNHEALTHY_AFTER_MS: '800',
    FLIGHTDECK_OFFLINE_AFTER_MS: '1500',
  });
  await installStateAudit(rt.database.db);
});
afterAll(async () => {
  await rt?.dispose();
});

const admin = () => callerAs(rt, adminPrincipal);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const positionsOf = (events: AnyBusEvent[]) => events.map((e) => Number(e.id));
const taskOf = (e: AnyBusEvent) => {
  const p = e.payload as { taskId?: string; taskIds?: string[] };
  return p.taskId ?? p.taskIds?.[0];
};

/** Twelve tasks nobody can run, for raw writers to change the state of. */
async function idleTasks(label: string, n = 12): Promise<string[]> {
  const { ids } = await admin().tasks.submit({
    tasks: Array.from({ length: n }, (_, i) => ({ title: `${label} ${i}`, capabilities: ['log-proof-nobody'] })),
  });
  return ids;
}

describe('the event log under a concurrent workload', () => {
  it('writes exactly one event per task and agent state change, in each one’s order, and a concurrent reader sees each once', async () => {
    const since = await logAndAuditHead(rt.database.db);
    const reader = followLog(rt.store.events, since.position);
    const fed: number[] = [];
    const unsubscribe = rt.core.feed.subscribe((e) => void fed.push(Number(e.id)));
    let logged: Awaited<ReturnType<typeof readLogAndAudit>>;
    try {
      await runLogWorkload(rt, { agents: 8, rounds: 3 });
      logged = await readLogAndAudit(rt.database.db, since);
      const last = Number(logged.events.at(-1)!.id);
      await expect.poll(() => fed.at(-1) ?? 0, { timeout: 3_000 }).toBeGreaterThanOrEqual(last);
    } finally {
      unsubscribe();
    }
    const { events, audit } = logged;
    const positions = positionsOf(events);
    const head = positions.at(-1)!;

    // The reader (and the replica's own feed) saw every committed event once, in position order.
    expect(await reader.stopAt(head)).toEqual(positions);
    expect(fed.filter((p) => p > since.position && p <= head)).toEqual(positions);

    // Every audited change has its one event and every state event its one change, in the same order per entity.
    const changes = events.map(stateChangeOf).filter((c): c is StateChange => c !== null);
    const summary = (m: Map<string, StateChange[]>) =>
      Object.fromEntries([...m].map(([entity, list]) => [entity, list.map((c) => c.change)]));
    const fromEvents = byEntity(changes);
    const fromAudit = byEntity(audit);
    expect(summary(fromEvents)).toEqual(summary(fromAudit));
    // Where an event names the state it left, it is the one the row left.
    const wrongFrom = [...fromEvents].flatMap(([entity, list]) =>
      list.flatMap((c, i) =>
        c.from !== undefined && c.from !== fromAudit.get(entity)![i].from
          ? [{ entity, change: c.change, said: c.from, was: fromAudit.get(entity)![i].from }]
          : [],
      ),
    );
    expect(wrongFrom).toEqual([]);

    // The workload went through every kind of change it is meant to prove.
    const names = new Set(events.map((e) => e.name));
    const released = new Set(events.flatMap((e) => (e.name === 'task:released' ? [e.payload.reason] : [])));
    expect([...names].sort()).toEqual(
      expect.arrayContaining([
        'agent:changed',
        'agent:deregistered',
        'agent:registered',
        'task:assigned',
        'task:cancelled',
        'task:completed',
        'task:dead-lettered',
        'task:released',
        'task:reprioritised',
        'task:requeued',
        'task:retrying',
        'task:started',
        'task:submitted',
      ]),
    );
    expect([...released].sort()).toEqual(['backoff over', 'dependencies succeeded', 'retried by an operator']);
    expect(events.some((e) => e.name === 'agent:registered' && e.payload.reregistered)).toBe(true);
    expect(changes.filter((c) => c.change === '→ offline').length).toBeGreaterThanOrEqual(1);
    expect(changes.filter((c) => c.change === '→ stopped').length).toBeGreaterThanOrEqual(1);
    expect(changes.filter((c) => c.change === '→ failed').length).toBeGreaterThanOrEqual(1);
  }, 60_000);
});

describe('serialised event writers', () => {
  it('hands out positions in commit order: a reader following position > last misses nothing', async () => {
    const ids = await idleTasks('raw');
    const since = await logAndAuditHead(rt.database.db);
    const reader = followLog(rt.store.events, since.position);
    const writers = await openStateWriters(rt.database, rt.env.DATABASE_URL, ids.length);
    const committed: number[] = [];
    try {
      await Promise.all(
        ids.map(async (id, i) => {
          for (let round = 0; round < 6; round++) {
            const pauses: [number, number] = [Math.random() * 0.01, Math.random() * 0.02];
            committed.push(await writers.write(i, id, pauses));
          }
        }),
      );
    } finally {
      await writers.close();
    }
    const { events } = await readLogAndAudit(rt.database.db, since);
    const positions = positionsOf(events);
    // One event per committed change, numbered in the order the commits completed.
    expect(events.filter((e) => ids.includes(taskOf(e)!))).toHaveLength(ids.length * 6);
    expect(await reader.stopAt(positions.at(-1)!)).toEqual(positions);
    expect(committed).toEqual([...committed].sort((a, b) => a - b));
  });

  it('a rolled back state change leaves a gap in the positions that the reader steps over', async () => {
    const [gone, kept] = await idleTasks('rollback', 2);
    const since = await logAndAuditHead(rt.database.db);
    const reader = followLog(rt.store.events, since.position);
    let taken = 0;
    await expect(
      rt.database.db.transaction(async (tx) => {
        await tx.execute(toggleState(gone));
        const r = await tx.execute(sql`select max(position) as p from events`);
        taken = Number((r as unknown as { rows: { p: string }[] }).rows[0].p);
        throw new Error('changed its mind');
      }),
    ).rejects.toThrow('changed its mind');
    await admin().tasks.cancel({ id: kept });
    const { events } = await readLogAndAudit(rt.database.db, since);
    const positions = positionsOf(events);
    expect(events.filter((e) => [gone, kept].includes(taskOf(e)!)).map((e) => [e.name, taskOf(e)])).toEqual([
      ['task:cancelled', kept],
    ]);
    expect(taken).toBeGreaterThan(since.position);
    expect(positions).not.toContain(taken);
    expect(positions.at(-1)).toBeGreaterThan(taken);
    expect(await reader.stopAt(positions.at(-1)!)).toEqual(positions);
  });
});

/** Settles to the time it settled at, so a test can tell when a blocked write got through. */
const timed = <T>(p: Promise<T>) => p.then(() => performance.now());
const pending = async (p: Promise<unknown>) =>
  Promise.race([p.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 0))]);

if (process.env.DATABASE_URL) {
  describe('on PostgreSQL, with real concurrent sessions', () => {
    it('runs on PostgreSQL', () => expect(rt.database.kind).toBe('postgres'));

    it('a transaction that began writing first but commits last gets the later position', async () => {
      const [first, second] = await idleTasks('order', 2);
      const [early, late] = await Promise.all([connectRaw(rt.env.DATABASE_URL!), connectRaw(rt.env.DATABASE_URL!)]);
      try {
        await early.query('begin');
        await early.query(`update tasks set title = title || ' (edited)' where id = $1`, [first]);
        const xidEarly = (await early.query('select pg_current_xact_id()::text as x')).rows[0].x as string;
        await late.query('begin');
        await late.query(TOGGLE_STATE, [second]);
        const xidLate = (await late.query('select pg_current_xact_id()::text as x')).rows[0].x as string;
        await late.query('commit');
        await early.query(TOGGLE_STATE, [first]);
        await early.query('commit');
        expect(BigInt(xidEarly)).toBeLessThan(BigInt(xidLate));
      } finally {
        await Promise.all([early.end(), late.end()]);
      }
      const events = await rt.store.events.after(0, 100_000);
      const positionOf = (id: string) => Number(events.findLast((e) => taskOf(e) === id)!.id);
      expect(positionOf(first)).toBeGreaterThan(positionOf(second));
    });

    it('an idle transaction that changed no state stalls neither readers nor writers', async () => {
      const [edited, cancelled] = await idleTasks('idle', 2);
      const idle = await connectRaw(rt.env.DATABASE_URL!);
      try {
        await idle.query('begin');
        await idle.query(`update tasks set title = title || ' (being edited)' where id = $1`, [edited]);
        const locks = await idle.query(`select 1 from pg_locks where pid = pg_backend_pid() and locktype = 'advisory'`);
        expect(locks.rows).toEqual([]);

        const from = await rt.store.events.head();
        const fed = new Promise<number>((resolve) => {
          const off = rt.core.feed.subscribe((e) => {
            if (e.name !== 'task:cancelled' || e.payload.taskId !== cancelled) return;
            resolve(performance.now());
            off();
          });
        });
        const t0 = performance.now();
        await admin().tasks.cancel({ id: cancelled });
        const wroteMs = performance.now() - t0;
        // Committed means readable, at once: nothing waits for the idle transaction to end.
        const read = await rt.store.events.after(from, 100);
        expect(read.map((e) => [e.name, taskOf(e)])).toContainEqual(['task:cancelled', cancelled]);
        const fedMs = (await fed) - t0;
        expect(wroteMs).toBeLessThan(1_000);
        // Woken by the commit's NOTIFY, well before the 1 s poll would have found it.
        expect(fedMs).toBeLessThan(500);
      } finally {
        await idle.query('rollback');
        await idle.end();
      }
    });

    it('a transaction holding the event lock stalls other event writers, and only until it ends', async () => {
      const HOLD_MS = 600;
      const [held, raw, viaApi, edited] = await idleTasks('hold', 4);
      const [holder, writer, editor] = await Promise.all([
        connectRaw(rt.env.DATABASE_URL!),
        connectRaw(rt.env.DATABASE_URL!),
        connectRaw(rt.env.DATABASE_URL!),
      ]);
      try {
        await holder.query('begin');
        await holder.query(TOGGLE_STATE, [held]);
        const t0 = performance.now();
        const writerPid = (await writer.query('select pg_backend_pid() as pid')).rows[0].pid as number;
        const rawDone = timed(writer.query(TOGGLE_STATE, [raw]));
        const apiDone = timed(admin().tasks.cancel({ id: viaApi }));

        // Writers that change no state, and readers, go through meanwhile.
        let t = performance.now();
        await editor.query(`update tasks set title = title || ' (edited)' where id = $1`, [edited]);
        const editMs = performance.now() - t;
        t = performance.now();
        await rt.store.events.after(0, 100);
        const readMs = performance.now() - t;
        expect(editMs).toBeLessThan(200);
        expect(readMs).toBeLessThan(200);
        // The raw writer waits on the event lock itself.
        await expect
          .poll(
            async () =>
              (
                await editor.query('select wait_event_type, wait_event from pg_stat_activity where pid = $1', [
                  writerPid,
                ])
              ).rows[0],
          )
          .toEqual({ wait_event_type: 'Lock', wait_event: 'advisory' });

        await sleep(HOLD_MS - (performance.now() - t0));
        expect(await pending(rawDone)).toBe(true);
        expect(await pending(apiDone)).toBe(true);
        const committed = performance.now();
        await holder.query('commit');
        const [rawAt, apiAt] = await Promise.all([rawDone, apiDone]);
        const after = { raw: rawAt - committed, api: apiAt - committed };
        expect(after.raw).toBeLessThan(250);
        expect(after.api).toBeLessThan(250);
      } finally {
        await Promise.all([holder.end(), writer.end(), editor.end()]);
      }
      // Their events follow the holder's, in the order they committed.
      const events = await rt.store.events.after(0, 100_000);
      const positionOf = (id: string) => Number(events.findLast((e) => taskOf(e) === id)!.id);
      expect(positionOf(held)).toBeLessThan(positionOf(raw));
      expect(positionOf(held)).toBeLessThan(positionOf(viaApi));
    });
  });
} else {
  describe('on the embedded database, one connection', () => {
    it('runs embedded', () => expect(rt.database.kind).toBe('pglite'));

    it('a read issued while a transaction is open waits for it, and never sees what it rolls back', async () => {
      const [task] = await idleTasks('embedded', 1);
      const from = await rt.store.events.head();
      let read: Promise<AnyBusEvent[]> = Promise.resolve([]);
      let readAt: Promise<number> = Promise.resolve(0);
      let ended = 0;
      await expect(
        rt.database.db.transaction(async (tx) => {
          await tx.execute(toggleState(task));
          read = rt.store.events.after(from, 100);
          readAt = timed(read);
          await sleep(50);
          ended = performance.now();
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await readAt).toBeGreaterThanOrEqual(ended);
      expect((await read).filter((e) => taskOf(e) === task)).toEqual([]);
    });

    it('a read issued while a transaction is open sees its events once it commits', async () => {
      const [task] = await idleTasks('embedded', 1);
      const from = await rt.store.events.head();
      let read: Promise<AnyBusEvent[]> = Promise.resolve([]);
      let readAt: Promise<number> = Promise.resolve(0);
      let ended = 0;
      await rt.database.db.transaction(async (tx) => {
        await tx.execute(toggleState(task));
        read = rt.store.events.after(from, 100);
        readAt = timed(read);
        await sleep(50);
        ended = performance.now();
      });
      expect(await readAt).toBeGreaterThanOrEqual(ended);
      expect((await read).map((e) => [e.name, taskOf(e)])).toContainEqual(['task:cancelled', task]);
    });
  });
}
