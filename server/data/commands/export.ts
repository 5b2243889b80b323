import { createWriteStream, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { openDatabase, type Database } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { optionString, parseArgs } from '../args';
import { checkWritable, formatBytes, toTarball } from '../backup-file';
import { failed } from '../command-error';
import { exportData, type ExportSink } from '../export-data';
import type { ExportHeader } from '../export-format';
import { withSnapshot } from '../open-snapshot';
import { rowBar, type RowBar } from '../progress';
import { takeSnapshot } from '../snapshot-source';
import { dataDirOf, defaultServerUrl, type CommandContext } from './context';

export async function runExport(args: string[], ctx: CommandContext): Promise<void> {
  const { file: given, options } = parseArgs(args, { values: ['data-dir', 'url', 'token'], flags: ['force'] });
  const file = ctx.resolve(given);
  checkWritable(file, options.force === true);
  const url = optionString(options, 'url');
  if (ctx.env.DATABASE_URL && !url) {
    const database = await openDatabase({ url: ctx.env.DATABASE_URL, poolSize: 2 });
    try {
      await runMigrations(database);
      await writeExport(database, file, ctx, `PostgreSQL (${database.describe})`);
    } finally {
      await database.close();
    }
    return;
  }
  const dataDir = dataDirOf(optionString(options, 'data-dir'), ctx);
  const snapshot = await takeSnapshot({
    dataDir,
    url,
    defaultUrl: defaultServerUrl(ctx.env),
    token: optionString(options, 'token') ?? ctx.env.FLIGHTDECK_ADMIN_TOKEN,
  });
  const tarball = toTarball(Buffer.from(await snapshot.blob.arrayBuffer()), 'the copy');
  await withSnapshot(tarball, 'opening the copy', async (database) => {
    await runMigrations(database);
    await writeExport(database, file, ctx, snapshot.from);
  });
}

async function writeExport(database: Database, file: string, ctx: CommandContext, from: string): Promise<ExportHeader> {
  const partial = `${file}.partial-${process.pid}`;
  mkdirSync(path.dirname(file), { recursive: true });
  const gzip = createGzip();
  const stream = createWriteStream(partial);
  gzip.pipe(stream);
  const sink: ExportSink = {
    async write(line) {
      if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
    },
  };
  let bar: RowBar | null = null;
  try {
    const header = await exportData(database.db, sink, {
      flightdeck: ctx.version,
      source: database.kind,
      onStart: (total) => (bar = rowBar('exporting', total)),
      onRows: (n) => bar?.add(n),
    });
    gzip.end();
    await once(stream, 'close');
    renameSync(partial, file);
    const total = Object.values(header.rows).reduce((a, b) => a + b, 0);
    (bar as RowBar | null)?.done(`exported ${total} rows`);
    const size = statSync(file).size;
    ctx.say(
      `Exported ${from} to ${file} (${formatBytes(size)}): ${total} rows in ${Object.keys(header.rows).length} tables (${header.rows.agents ?? 0} agents, ${header.rows.tasks ?? 0} tasks, ${header.rows.assignment_decisions ?? 0} decisions).`,
    );
    ctx.say(`Load it into an empty database with: flightdeck import ${file}`);
    return header;
  } catch (e) {
    (bar as RowBar | null)?.fail();
    gzip.destroy();
    stream.destroy();
    rmSync(partial, { force: true });
    if (e instanceof Error && e.name === 'CommandError') throw e;
    throw failed(`the export failed: ${(e as Error).message}`);
  }
}
