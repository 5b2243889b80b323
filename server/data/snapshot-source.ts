import { existsSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '@/db/client';
import { DataDirInUseError, lockHolder, type LockHolder } from '@/db/data-dir-lock';
import { PID_HEADER } from './backup-endpoint';
import { failed, refused } from './command-error';
import { step } from './progress';

export interface Snapshot {
  /** A gzipped tarball of the PGlite data directory (PGlite's dumpDataDir format). */
  blob: Blob;
  /** Where it came from, for the summary line. */
  from: string;
}

export interface SnapshotOptions {
  dataDir: string;
  /** A server to ask explicitly (--url). */
  url?: string;
  /** Where the server holding the data directory answers when --url is not given. */
  defaultUrl: string;
  token?: string;
}

/**
 * A consistent copy of an embedded database. A data directory held by a running server is
 * copied by that server (the admin backup endpoint); a free one is opened here, under its lock,
 * so a server starting meanwhile refuses instead of opening it too.
 */
export async function takeSnapshot(opts: SnapshotOptions): Promise<Snapshot> {
  if (opts.url) return fromServer(opts.url, opts, null);
  const holder = lockHolder(opts.dataDir);
  if (holder) return fromServer(opts.defaultUrl, opts, holder);
  if (!existsSync(path.join(opts.dataDir, 'pglite', 'PG_VERSION'))) {
    throw failed(
      `there is no database in ${opts.dataDir} (set FLIGHTDECK_DATA_DIR or pass --data-dir to name the data directory)`,
    );
  }
  const s = step(`reading ${opts.dataDir} (no server holds it)`);
  try {
    const database = await openDatabase({ dataDir: opts.dataDir });
    try {
      const blob = await database.snapshot!();
      s.done(`read ${opts.dataDir}`);
      return { blob, from: `${opts.dataDir}, read directly (no server was running on it)` };
    } finally {
      await database.close();
    }
  } catch (e) {
    s.fail();
    if (e instanceof DataDirInUseError) throw refused(e.message);
    throw e;
  }
}

async function fromServer(url: string, opts: SnapshotOptions, holder: LockHolder | null): Promise<Snapshot> {
  const held = holder
    ? `the data directory ${opts.dataDir} is in use by process ${holder.pid} (lock file ${holder.lockFile}), so the copy must come from that server`
    : `asking ${url} for a backup`;
  if (!opts.token) throw refused(`${held}: give its admin API token with --token or FLIGHTDECK_ADMIN_TOKEN`);
  const s = step(
    holder
      ? `asking the server holding ${opts.dataDir} (pid ${holder.pid}, ${url}) for a consistent copy`
      : `asking ${url} for a consistent copy`,
  );
  let res: Response;
  try {
    res = await fetch(new URL('/api/admin/backup', url), {
      method: 'POST',
      headers: { authorization: `Bearer ${opts.token}` },
    });
  } catch (e) {
    s.fail();
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    throw refused(
      `${held}, but nothing answered at ${url} (${cause?.code ?? cause?.message ?? (e as Error).message}); pass --url with the address it listens on`,
    );
  }
  if (!res.ok) {
    s.fail();
    const message =
      (await res.json().then(
        (b: { error?: { message?: string } }) => b.error?.message,
        () => undefined,
      )) ?? res.statusText;
    if (res.status === 401 || res.status === 403)
      throw refused(
        `the server at ${url} refused the token (HTTP ${res.status}: ${message}); pass an admin API token with --token or FLIGHTDECK_ADMIN_TOKEN`,
      );
    if (res.status === 409 || res.status === 404)
      throw refused(`the server at ${url} cannot make this backup (HTTP ${res.status}: ${message})`);
    throw failed(`the server at ${url} could not make the backup (HTTP ${res.status}: ${message})`);
  }
  const pid = Number(res.headers.get(PID_HEADER));
  if (holder && pid !== holder.pid) {
    s.fail();
    await res.body?.cancel();
    throw refused(
      `the server at ${url} is process ${pid || 'unknown'}, but ${opts.dataDir} is held by process ${holder.pid}: pass --url with the address of the server holding it`,
    );
  }
  const blob = await res.blob();
  s.done(`received a consistent copy from the server at ${url} (pid ${pid})`);
  return { blob, from: `the running server at ${url} (pid ${pid})` };
}
