import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type TarEntry, writeTarGz } from './tarball';

const ENTRIES: TarEntry[] = [
  { path: 'package/package.json', content: '{"name":"x","version":"1.0.0"}\n' },
  { path: 'package/bin/run.mjs', content: '#!/usr/bin/env node\nconsole.log("hi — ünïcode")\n', mode: 0o755 },
  { path: 'package/empty.txt', content: '' },
  { path: 'package/block.bin', content: Buffer.alloc(512, 7) },
];

let dir: string | null = null;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe('writeTarGz', () => {
  it('writes an archive that tar reads back: every file, its bytes and its mode', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'fd-tar-'));
    const file = path.join(dir, 'a.tgz');
    writeFileSync(file, writeTarGz(ENTRIES));
    expect(execFileSync('tar', ['-tzf', file], { encoding: 'utf8' }).trim().split('\n')).toEqual([
      'package/bin/run.mjs',
      'package/block.bin',
      'package/empty.txt',
      'package/package.json',
    ]);
    execFileSync('tar', ['-xzf', file, '-C', dir]);
    for (const e of ENTRIES) {
      const content = typeof e.content === 'string' ? Buffer.from(e.content) : e.content;
      expect(readFileSync(path.join(dir, e.path)).equals(content)).toBe(true);
    }
    expect(statSync(path.join(dir, 'package/bin/run.mjs')).mode & 0o777).toBe(0o755);
    expect(statSync(path.join(dir, 'package/package.json')).mode & 0o777).toBe(0o644);
  });

  it('gives the same bytes for the same files, in whatever order they come', () => {
    expect(writeTarGz([...ENTRIES].reverse()).equals(writeTarGz(ENTRIES))).toBe(true);
  });

  it('refuses a name that does not fit a ustar header', () => {
    expect(() => writeTarGz([{ path: `package/${'x'.repeat(100)}`, content: '' }])).toThrow(/too long/);
  });
});
