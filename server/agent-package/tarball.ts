import { gzipSync } from 'node:zlib';

export interface TarEntry {
  /** Path inside the archive, e.g. `package/package.json` (under 100 bytes). */
  path: string;
  content: string | Buffer;
  /** Unix permissions, 0o644 unless given (0o755 for executables). */
  mode?: number;
}

/** The timestamp npm pack gives every entry: a fixed one keeps the archive reproducible. */
const FIXED_MTIME = Date.UTC(1985, 9, 26, 8, 15) / 1000;
const BLOCK = 512;

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function header(path: string, size: number, mode: number): Buffer {
  const name = Buffer.from(path, 'utf8');
  if (name.length > 100) throw new Error(`tar entry name too long: ${path}`);
  const h = Buffer.alloc(BLOCK);
  name.copy(h, 0);
  h.write(octal(mode, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii'); // uid
  h.write(octal(0, 8), 116, 'ascii'); // gid
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(FIXED_MTIME, 12), 136, 'ascii');
  h.write('        ', 148, 'ascii'); // checksum field counts as spaces while summing
  h.write('0', 156, 'ascii'); // regular file
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

/**
 * A gzipped ustar archive that depends only on the entries: sorted by path, fixed owner and
 * timestamp, no host names, so the same files give the same bytes on every replica.
 */
export function writeTarGz(entries: TarEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const body = typeof entry.content === 'string' ? Buffer.from(entry.content, 'utf8') : entry.content;
    blocks.push(header(entry.path, body.length, entry.mode ?? 0o644), body);
    const pad = (BLOCK - (body.length % BLOCK)) % BLOCK;
    if (pad) blocks.push(Buffer.alloc(pad));
  }
  blocks.push(Buffer.alloc(BLOCK * 2));
  const gz = gzipSync(Buffer.concat(blocks), { level: 9 });
  gz[9] = 0xff; // the gzip header's OS byte ("unknown"), else it names the platform that packed it
  return gz;
}
