import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock';
import { FencedPool, runFenced } from './fenced-pool';
import * as schema from './schema';

const gzipAsync = promisify(gzip);

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for logs (never includes a password). */
  describe: string;
  /** Runs `fn` with a single connection (migrations under an advisory lock need one). */
  withSession<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  /**
   * Embedded only: a consistent copy of the whole database as a gzipped tarball (PGlite's
   * dumpDataDir format), taken between two statements while the server keeps running: it
   * holds every transaction committed before it and nothing of one still open.
   */
  snapshot?(): Promise<Blob>;
  /**
   * Calls `onEvents` soon after any process commits event-log rows, and `onReconnect` when a lost
   * watch is back (commits may have been missed meanwhile); returns stop. PostgreSQL: LISTEN on
   * the channel the log's trigger notifies. PGlite: after each statement or transaction of its one
   * session (no other process can write), without NOTIFY.
   */
  watchEvents(onEvents: () => void, onReconnect: () => void): Promise<() => Promise<void>>;
  /**
   * Runs a cluster loop's tick so that each of its statements is refused once the leader lease
   * is past `epoch` (PostgreSQL: `fenced-pool.ts`). PGlite has one process, always the leader:
   * it runs `fn` as it is.
   */
  runFenced<T>(epoch: number, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL URL; without it, embedded PGlite. */
  url?: string;
  /** PGlite data directory; omitted = in memory (tests). */
  dataDir?: string;
  /** PGlite only: start from this snapshot (see `snapshot`); the data directory must be empty. */
  loadSnapshot?: Blob;
  poolSize?: number;
}

/** The channel migration 0011's event-log trigger notifies on commit. */
export const EVENTS_CHANNEL = 'flightdeck_events';

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  return opts.url ? openPostgres(opts.url, opts) : openPglite(opts.dataDir, opts.loadSnapshot);
}

async function openPostgres(url: string, opts: DatabaseOptions): Promise<Database> {
  const pool = new FencedPool({
    connectionString: url,
    max: opts.poolSize ?? 10,
    connectionTimeoutMillis: 5_000,
    // Our queries are short and many: JIT compilation cost more than it saved on the queue read.
    // A process stopped inside a transaction (SIGSTOP, a debugger) must not hold the event-log
    // lock, and so every state change of every replica, for longer than a minute.
    options: '-c jit=off -c idle_in_transaction_session_timeout=60000',
  });
  // An idle client that loses its server (PostgreSQL restart) must not crash the process.
  pool.on('error', () => {});
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const u = new URL(url);
  return {
    db,
    kind: 'postgres',
    describe: `postgres://${u.host}${u.pathname}`,
    async withSession(fn) {
      const client = await pool.connect();
      try {
        return await fn(drizzlePg(client, { schema }) as unknown as Db);
      } finally {
        client.release();
      }
    },
    watchEvents: (onEvents, onReconnect) => listenPostgres(url, EVENTS_CHANNEL, onEvents, onReconnect),
    runFenced,
    close: () => pool.end(),
  };
}

/** A dedicated connection for LISTEN (a pooled one would be handed to queries), reconnecting while the server is away. */
async function listenPostgres(
  url: string,
  channel: string,
  onNotify: () => void,
  onReconnect: () => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const connect = async (again: boolean): Promise<void> => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    const retry = () => {
      if (client !== c || stopped) return;
      client = null;
      void c.end().catch(() => {});
      timer = setTimeout(() => void connect(true), 1_000);
      timer.unref?.();
    };
    client = c;
    c.on('error', retry);
    c.on('end', retry);
    c.on('notification', (n) => n.channel === channel && onNotify());
    try {
      await c.connect();
      await c.query(`listen "${channel.replaceAll('"', '""')}"`);
      if (again) onReconnect();
    } catch {
      retry();
    }
  };
  await connect(false);
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    const c = client;
    client = null;
    await c?.end().catch(() => {});
  };
}

async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<Database> {
  let release = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    release = lockDataDir(dataDir);
  }
  try {
    const client = new PGlite({ dataDir: dataDir ? path.join(dataDir, 'pglite') : undefined, loadDataDir });
    await client.waitReady;
    // One session, so event writers are serial already (see migration 0011).
    await client.exec(`set flightdeck.single_writer = 'on'`);
    const commits = watchPgliteCommits(client);
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      describe: dataDir ? `pglite:${dataDir}` : 'pglite:memory',
      withSession: (fn) => fn(db),
      async watchEvents(onEvents) {
        return commits.watch(onEvents);
      },
      runFenced: (_epoch, fn) => fn(),
      async snapshot() {
        // After a checkpoint the copy needs no WAL replay when it is opened. Statements wait
        // while PGlite copies the files, so compress after, on the thread pool.
        await client.exec('checkpoint');
        const tar = await client.dumpDataDir('none');
        return new Blob([new Uint8Array(await gzipAsync(new Uint8Array(await tar.arrayBuffer())))], {
          type: 'application/gzip',
        });
      },
      async close() {
        await client.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

/**
 * Everything PGlite writes comes through this process, so a finished statement (outside a
 * transaction) or transaction is the commit signal that NOTIFY is on PostgreSQL. Reads signal
 * too; the log reader coalesces wake-ups, so a busy server reads the log at most every 20 ms.
 */
function watchPgliteCommits(client: PGlite) {
  const watchers = new Set<() => void>();
  const signal = () => {
    for (const w of watchers) w();
  };
  const after =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await fn(...args);
      } finally {
        if (watchers.size) signal();
      }
    };
  client.query = after(client.query.bind(client)) as typeof client.query;
  client.exec = after(client.exec.bind(client)) as typeof client.exec;
  client.transaction = after(client.transaction.bind(client)) as typeof client.transaction;
  return {
    watch(onCommit: () => void): () => Promise<void> {
      watchers.add(onCommit);
      return async () => void watchers.delete(onCommit);
    },
  };
}
