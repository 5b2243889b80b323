import { closeSync, createReadStream, existsSync, openSync, readSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { openDatabase, type Database } from '@/db/client';
import { DataDirInUseError, lockHolder } from '@/db/data-dir-lock';
import { runMigrations } from '@/db/migrate';
import { optionString, parseArgs } from '../args';
import { failed, refused } from '../command-error';
import { importData, parseHeader } from '../import-data';
import { rowBar, step, type RowBar } from '../progress';
import { dataDirOf, type CommandContext } from './context';

export async function runImport(args: string[], ctx: CommandContext): Promise<void> {
  const { file: given, options } = parseArgs(args, { values: ['data-dir'], flags: [] });
  const file = ctx.resolve(given);
  if (!existsSync(file)) throw failed(`${file}: no such file`);
  const lines = readLines(file);
  const header = parseHeader(
    await lines.next().then(
      (r) => (r.done ? undefined : r.value),
      (e: Error) => {
        throw failed(`${file} is not a Flightdeck export (${e.message})`);
      },
    ),
    file,
  );
  const database = await openTarget(ctx.env.DATABASE_URL, dataDirOf(optionString(options, 'data-dir'), ctx));
  try {
    const s = step(`bringing ${database.describe} to this version's schema`);
    await runMigrations(database).then(
      () => s.done(),
      (e) => {
        s.fail();
        throw e;
      },
    );
    const total = Object.values(header.rows).reduce((a, b) => a + b, 0);
    let bar: RowBar | null = null;
    try {
      await importData(database.db, header, lines, {
        onStart: () => (bar = rowBar('importing', total)),
        onRows: (n) => bar?.add(n),
      });
    } catch (e) {
      (bar as RowBar | null)?.fail();
      if (e instanceof Error && e.name !== 'CommandError')
        throw failed(`the import failed, nothing was written: ${e.message}`);
      throw e;
    }
    (bar as RowBar | null)?.done(`imported ${total} rows`);
    ctx.say(
      `Imported ${file} (exported by Flightdeck ${header.flightdeck} at ${header.createdAt}) into ${database.describe}: ${total} rows in ${Object.keys(header.rows).length} tables (${header.rows.agents ?? 0} agents, ${header.rows.tasks ?? 0} tasks, ${header.rows.assignment_decisions ?? 0} decisions).`,
    );
    ctx.say('Start the server on it; sign in with the same admin password and API tokens as before.');
  } finally {
    await lines.return?.();
    await database.close();
  }
}

async function openTarget(url: string | undefined, dataDir: string): Promise<Database> {
  if (url) return openDatabase({ url, poolSize: 2 });
  const holder = lockHolder(dataDir);
  if (holder) throw refused(new DataDirInUseError(dataDir, holder).message);
  try {
    return await openDatabase({ dataDir });
  } catch (e) {
    throw e instanceof DataDirInUseError ? refused(e.message) : e;
  }
}

/** The file's lines, gunzipped when it is gzipped (a `zcat`-ed export loads too). */
function readLines(file: string): AsyncIterator<string> {
  const raw = createReadStream(file);
  const input = isGzipped(file) ? raw.pipe(createGunzip()) : raw;
  return createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
}

function isGzipped(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const magic = Buffer.alloc(2);
    return readSync(fd, magic, 0, 2, 0) === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}
