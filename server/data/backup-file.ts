import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { failed, refused } from './command-error';
import { EXPORT_FORMAT } from './export-format';

const isGzip = (b: Buffer) => b.length > 2 && b[0] === 0x1f && b[1] === 0x8b;
/** POSIX tar: "ustar" at offset 257 of the first 512-byte header. */
const isTar = (b: Buffer) => b.length >= 512 && b.subarray(257, 262).toString('latin1') === 'ustar';

/** Reads a backup file: see `toTarball`. */
export function readBackupFile(file: string): Blob {
  if (!existsSync(file)) throw failed(`${file}: no such file`);
  return toTarball(readFileSync(file), file);
}

/**
 * Checks that `data` is a backup (a PGlite data directory as a tarball, gzipped or not), so a
 * wrong file fails here with a clear message instead of deep inside PGlite. Returns the
 * uncompressed tarball, which PGlite loads as is.
 */
export function toTarball(input: Buffer, file: string): Blob {
  let data = input;
  if (isGzip(data)) {
    try {
      data = gunzipSync(data);
    } catch (e) {
      throw failed(
        `${file} is not a Flightdeck backup: it looks gzipped but does not decompress (${(e as Error).message}); is it complete?`,
      );
    }
  }
  if (data.subarray(0, 64).toString('utf8').includes(`"format":"${EXPORT_FORMAT}"`)) {
    throw failed(`${file} is a Flightdeck export, not a backup: load it with \`flightdeck import ${file}\``);
  }
  if (!isTar(data) || !tarHolds(data, 'PG_VERSION')) {
    throw failed(
      `${file} is not a Flightdeck backup (expected a tarball of a PGlite data directory, as \`flightdeck backup\` writes)`,
    );
  }
  return new Blob([new Uint8Array(data)], { type: 'application/x-tar' });
}

/** Whether a tarball has a top-level entry of that name (PGlite writes them as `/NAME`). */
function tarHolds(tar: Buffer, name: string): boolean {
  for (let at = 0; at + 512 <= tar.length;) {
    const entry = tar
      .subarray(at, at + 100)
      .toString('latin1')
      .replace(/\0.*$/s, '');
    if (!entry) return false;
    if (entry === name || entry === `/${name}` || entry === `./${name}`) return true;
    const size = parseInt(
      tar
        .subarray(at + 124, at + 136)
        .toString('latin1')
        .replace(/\0.*$/s, '')
        .trim() || '0',
      8,
    );
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return false;
}

/** Refuses to overwrite a file unless told to: an old backup may be the only good one. */
export function checkWritable(file: string, force: boolean): void {
  if (existsSync(file) && !force) throw refused(`${file} already exists; pass --force to overwrite it`);
}

/** Writes next to the target, then renames: an interrupted run never leaves half a file under that name. */
export function writeFileAtomic(file: string, data: Uint8Array): void {
  const partial = `${file}.partial-${process.pid}`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(partial, data);
    renameSync(partial, file);
  } catch (e) {
    rmSync(partial, { force: true });
    throw failed(`cannot write ${file}: ${(e as Error).message}`);
  }
}

export const formatBytes = (n: number) =>
  n < 1024 * 1024 ? `${(n / 1024).toFixed(0)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`;
