import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './client';

export const MIGRATIONS_DIR = path.join(process.cwd(), 'db', 'migrations');
/** Arbitrary constant: replicas starting together take turns migrating. */
const MIGRATION_LOCK_KEY = 746_251_001;

export async function runMigrations(database: Database, opts: { folder?: string } = {}): Promise<void> {
  const config = { migrationsFolder: opts.folder ?? MIGRATIONS_DIR, migrationsSchema: 'drizzle' };
  if (database.kind === 'pglite') {
    await migratePglite(database.db as never, config);
    return;
  }
  await database.withSession(async (db) => {
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      await migratePg(db as never, config);
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  });
}
