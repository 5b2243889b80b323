import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/** The file in a data directory that names the process using it. */
export const LOCK_FILE = 'flightdeck.lock';

export interface LockHolder {
  pid: number;
  lockFile: string;
}

/** A data directory another live process holds: a second PGlite on it could corrupt it. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `the data directory ${dataDir} is in use by process ${holder.pid} (lock file ${holder.lockFile}); stop that process first or use another data directory`,
    );
    this.name = 'DataDirInUseError';
  }
}

/**
 * Takes the data directory for this process, or throws DataDirInUseError naming the holder.
 * The lock file is created exclusively, so of two processes starting together one wins; a lock
 * left by a dead process (or by an earlier process that had the same pid) is taken over.
 * Re-entrant within a process: the inner release leaves the outer lock in place.
 */
export function lockDataDir(dataDir: string): () => void {
  const lockFile = path.join(dataDir, LOCK_FILE);
  const mine = ownLock();
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, mine);
      closeSync(fd);
      return () => {
        if (readLock(lockFile) === mine) rmSync(lockFile, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const content = readLock(lockFile);
    if (content === null) continue;
    // Created but not written yet: another starter is between its open and its write. Taking an
    // empty file for a stale lock would let both win; one still empty after ~200 ms was left by a crash.
    if (content === '' && attempt < 20) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
      continue;
    }
    if (content === mine) return () => {};
    const holder = liveHolder(content, lockFile);
    if (holder) throw new DataDirInUseError(dataDir, holder);
    // Stale: remove it only if it still says what we read (another starter may have replaced it).
    if (readLock(lockFile) === content) rmSync(lockFile, { force: true });
  }
  throw new Error(`could not take the lock ${lockFile}: it keeps changing; is another process starting on ${dataDir}?`);
}

/** The live process holding a data directory, or null when it is free (no lock, or a stale one). */
export function lockHolder(dataDir: string): LockHolder | null {
  const lockFile = path.join(dataDir, LOCK_FILE);
  const content = readLock(lockFile);
  return content === null ? null : liveHolder(content, lockFile);
}

const ownLock = () => `${process.pid}\n${startTime(process.pid) ?? ''}\n`;

function readLock(lockFile: string): string | null {
  try {
    return readFileSync(lockFile, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** Earlier releases wrote the pid alone; now the process start time follows it, when known. */
function liveHolder(content: string, lockFile: string): LockHolder | null {
  const [pidText, started] = content.split('\n').map((s) => s.trim());
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  // Our own pid in a lock we did not write: left by an earlier process that had this pid.
  if (pid === process.pid) return content === ownLock() ? { pid, lockFile } : null;
  // A restarted container hands out the same pids again: same pid, other start time = stale.
  if (started) {
    const now = startTime(pid);
    if (now !== null && now !== started) return null;
  }
  return { pid, lockFile };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Linux: the process start time in clock ticks since boot (field 22 of /proc/<pid>/stat). */
function startTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}
