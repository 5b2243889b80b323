import { optionString, parseArgs } from '../args';
import { checkWritable, formatBytes, toTarball, writeFileAtomic } from '../backup-file';
import { describeContents, readContents } from '../catalog';
import { refused } from '../command-error';
import { withSnapshot } from '../open-snapshot';
import { takeSnapshot } from '../snapshot-source';
import { dataDirOf, defaultServerUrl, type CommandContext } from './context';

export async function runBackup(args: string[], ctx: CommandContext): Promise<void> {
  const { file: given, options } = parseArgs(args, { values: ['data-dir', 'url', 'token'], flags: ['force'] });
  const file = ctx.resolve(given);
  const url = optionString(options, 'url');
  if (ctx.env.DATABASE_URL && !url) {
    throw refused(
      'DATABASE_URL is set: production mode keeps its data in PostgreSQL, so back it up with pg_dump (see the README); unset DATABASE_URL to back up the embedded data directory',
    );
  }
  checkWritable(file, options.force === true);
  const dataDir = dataDirOf(optionString(options, 'data-dir'), ctx);
  const snapshot = await takeSnapshot({
    dataDir,
    url,
    defaultUrl: defaultServerUrl(ctx.env),
    token: optionString(options, 'token') ?? ctx.env.FLIGHTDECK_ADMIN_TOKEN,
  });
  const bytes = new Uint8Array(await snapshot.blob.arrayBuffer());
  const tarball = toTarball(Buffer.from(bytes), 'the copy');
  const contents = await withSnapshot(tarball, 'checking that the copy opens', (db) => readContents(db.db));
  writeFileAtomic(file, bytes);
  ctx.say(`Backed up ${snapshot.from} to ${file} (${formatBytes(bytes.length)}): ${describeContents(contents)}.`);
  ctx.say(`Restore it with: flightdeck restore ${file}`);
}
