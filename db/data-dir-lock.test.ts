import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirInUseError, LOCK_FILE, lockDataDir, lockHolder } from './data-dir-lock';

/** A real process to stand for another server; killed after the tests. */
function otherProcess(): ChildProcess {
  return spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
}

const startOf = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
};

describe('the data directory lock', () => {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  const freshDir = () => {
    const d = mkdtempSync(path.join(tmpdir(), 'fd-lock-'));
    dirs.push(d);
    return d;
  };
  afterAll(() => {
    for (const c of children) c.kill('SIGKILL');
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('refuses a directory a live process holds, naming the process and the lock file', async () => {
    const dir = freshDir();
    const other = otherProcess();
    children.push(other);
    writeFileSync(path.join(dir, LOCK_FILE), `${other.pid}\n${startOf(other.pid!)}\n`);
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
    expect(() => lockDataDir(dir)).toThrow(`in use by process ${other.pid} (lock file ${path.join(dir, LOCK_FILE)})`);
    expect(lockHolder(dir)).toEqual({ pid: other.pid, lockFile: path.join(dir, LOCK_FILE) });
  });

  it('takes over a lock left by a dead process, or by an earlier process that had the same pid', () => {
    const dead = freshDir();
    writeFileSync(path.join(dead, LOCK_FILE), '999999999\n');
    expect(lockHolder(dead)).toBeNull();
    lockDataDir(dead)();

    // A restarted container: the pid in the lock is alive again, but it is another process.
    const reused = freshDir();
    const other = otherProcess();
    children.push(other);
    writeFileSync(path.join(reused, LOCK_FILE), `${other.pid}\n1\n`);
    expect(lockHolder(reused)).toBeNull();
    const release = lockDataDir(reused);
    expect(readFileSync(path.join(reused, LOCK_FILE), 'utf8').split('\n')[0]).toBe(String(process.pid));
    release();
    expect(existsSync(path.join(reused, LOCK_FILE))).toBe(false);
  });

  it('is re-entrant within a process: the inner release keeps the outer lock', () => {
    const dir = freshDir();
    const outer = lockDataDir(dir);
    lockDataDir(dir)();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(true);
    outer();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it('of several processes starting together on one directory, exactly one gets it', async () => {
    const dir = freshDir();
    const go = path.join(dir, 'go');
    const end = path.join(dir, 'end');
    // Each child says "ready", spins until `go` exists, tries once, says how it went, and keeps
    // what it got until `end` exists, so a late starter cannot win a lock released early.
    const script = `
      import { existsSync } from 'node:fs';
      const { lockDataDir } = await import(${JSON.stringify(path.resolve('db/data-dir-lock.ts'))});
      const until = async (f) => { while (!existsSync(f)) await new Promise((r) => setImmediate(r)); };
      console.log('ready');
      await until(${JSON.stringify(go)});
      try { lockDataDir(${JSON.stringify(dir)}); console.log('won'); } catch { console.log('lost'); }
      await until(${JSON.stringify(end)});
      process.exit(0);`;
    const runs = Array.from({ length: 3 }, () => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(child);
      let out = '';
      const said = (word: string) =>
        new Promise<void>((resolve) => {
          const check = () => (out.includes(word) ? resolve() : undefined);
          child.stdout!.on('data', (c: Buffer) => {
            out += c.toString();
            check();
          });
          check();
        });
      return {
        ready: said('ready'),
        outcome: Promise.race([said('won').then(() => 'won'), said('lost').then(() => 'lost')]),
      };
    });
    await Promise.all(runs.map((r) => r.ready));
    writeFileSync(go, '');
    const results = await Promise.all(runs.map((r) => r.outcome));
    writeFileSync(end, '');
    expect(results.filter((r) => r === 'won')).toHaveLength(1);
    expect(results.filter((r) => r === 'lost')).toHaveLength(2);
  });
});
