import { openDatabase, type Database } from '@/db/client';
import { failed } from './command-error';
import { step } from './progress';

/**
 * Opens a snapshot (an uncompressed tarball, see backup-file.ts) as a throw-away in-memory
 * database (the step `label` shows meanwhile), runs `fn` on it and closes it. Nothing on
 * disk changes.
 */
export async function withSnapshot<T>(
  tarball: Blob,
  label: string,
  fn: (database: Database) => Promise<T>,
): Promise<T> {
  const s = step(label);
  let database: Database;
  try {
    database = await openDatabase({ loadSnapshot: tarball });
    s.done();
  } catch (e) {
    s.fail();
    throw failed(`the copy does not open as a database: ${(e as Error).message}`);
  }
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}
