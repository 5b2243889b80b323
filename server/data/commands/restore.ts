import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '@/db/client';
import { DataDirInUseError, lockDataDir, lockHolder } from '@/db/data-dir-lock';
import { optionString, parseArgs } from '../args';
import { readBackupFile } from '../backup-file';
import { describeContents, newerThanThisVersion, readContents, type Contents } from '../catalog';
import { failed, refused } from '../command-error';
import { step } from '../progress';
import { dataDirOf, type CommandContext } from './context';

export async function runRestore(args: string[], ctx: CommandContext): Promise<void> {
  const { file: given, options } = parseArgs(args, { values: ['data-dir'], flags: ['force'] });
  const file = ctx.resolve(given);
  if (ctx.env.DATABASE_URL) {
    throw refused(
      'DATABASE_URL is set: production mode keeps its data in PostgreSQL, so restore it with pg_restore or psql (see the README); unset DATABASE_URL to restore the embedded data directory',
    );
  }
  const dataDir = dataDirOf(optionString(options, 'data-dir'), ctx);
  const tarball = readBackupFile(file);
  const holder = lockHolder(dataDir);
  if (holder) throw refused(new DataDirInUseError(dataDir, holder).message);
  mkdirSync(dataDir, { recursive: true });
  let release: () => void;
  try {
    release = lockDataDir(dataDir);
  } catch (e) {
    throw e instanceof DataDirInUseError ? refused(e.message) : e;
  }
  try {
    const current = path.join(dataDir, 'pglite');
    const occupied = existsSync(current) && readdirSync(current).length > 0;
    if (occupied && options.force !== true) {
      throw refused(
        `${dataDir} already holds a database; pass --force to replace it (the current one is kept as ${current}.replaced-<time>)`,
      );
    }
    const contents = await loadBeside(dataDir, tarball);
    const staged = path.join(dataDir, STAGING, 'pglite');
    let keptAs: string | null = null;
    if (occupied) {
      keptAs = `${current}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(current, keptAs);
    } else rmSync(current, { recursive: true, force: true });
    renameSync(staged, current);
    rmSync(path.join(dataDir, STAGING), { recursive: true, force: true });
    ctx.say(`Restored ${file} into ${dataDir}: ${describeContents(contents)}.`);
    if (keptAs) ctx.say(`The database it replaced is kept as ${keptAs}; delete it when you no longer need it.`);
    ctx.say('Start the server as usual; it applies any newer migrations at start.');
  } finally {
    release();
  }
}

const STAGING = '.restoring';

/** Loads the backup into DIR/.restoring and checks it opens, leaving the current database untouched. */
async function loadBeside(dataDir: string, tarball: Blob): Promise<Contents> {
  const staging = path.join(dataDir, STAGING);
  rmSync(staging, { recursive: true, force: true });
  const s = step(`loading the backup into ${dataDir}`);
  try {
    const database = await openDatabase({ dataDir: staging, loadSnapshot: tarball });
    let contents: Contents;
    try {
      contents = await readContents(database.db);
    } finally {
      await database.close();
    }
    if (newerThanThisVersion(contents.migrations)) {
      throw refused(
        'this backup was made by a newer version of Flightdeck (its schema has migrations this one does not know): restore it with that version or a later one',
      );
    }
    s.done('loaded and checked the backup');
    return contents;
  } catch (e) {
    s.fail();
    rmSync(staging, { recursive: true, force: true });
    if (e instanceof Error && e.name === 'CommandError') throw e;
    throw failed(`the backup does not load: ${(e as Error).message}`);
  }
}
