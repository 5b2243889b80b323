import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The harness's own view of the database: a small pool on the suite's scratch database, used
 * to watch progress and check invariants. PostgreSQL is restarted under it on purpose, so
 * idle-client errors are swallowed and `tryQuery` answers null while it is away.
 */
export class Sql {
  private readonly pool: pg.Pool;

  constructor(readonly url: string) {
    this.pool = new pg.Pool({
      connectionString: url,
      max: 3,
      connectionTimeoutMillis: 3_000,
      idleTimeoutMillis: 5_000,
    });
    this.pool.on('error', () => undefined);
  }

  async query<R extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<R[]> {
    return (await this.pool.query<R>(text, params)).rows;
  }

  async tryQuery<R extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<R[] | null> {
    return this.query<R>(text, params).catch(() => null);
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }
}

/** A fresh database for one suite run (`fd_faults_<random>`), on the server DATABASE_URL names. */
export async function createScratchDatabase(
  baseUrl: string,
): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `fd_faults_${randomBytes(5).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    client.on('error', () => undefined);
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end().catch(() => undefined);
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), name, drop: () => admin(`drop database if exists ${name} with (force)`) };
}
