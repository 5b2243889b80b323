import { readFileSync } from 'node:fs';

/** Set in every child the process provider starts; how an orphan is recognised as ours. */
export const MANAGED_MARKER = 'FLIGHTDECK_MANAGED_AGENT';

/** The pid a ref names, or null: never 0, 1 or negative, which would signal process groups or init. */
export function pidOf(ref: string): number | null {
  if (!/^\d+$/.test(ref)) return null;
  const pid = Number(ref);
  return pid > 1 && Number.isSafeInteger(pid) ? pid : null;
}

/** Whether the process exists and is not a zombie waiting to be reaped. */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  const stat = readProc(pid, 'stat');
  return stat === null || !/^\d+ \(.*\) Z/s.test(stat);
}

/**
 * Whether a pid from before a server restart is still one of our agents and not a stranger
 * that got the recycled pid. Without /proc (macOS) the pid is trusted.
 */
export function isManagedPid(pid: number): boolean {
  if (readProc('self', 'stat') === null) return true;
  const environ = readProc(pid, 'environ');
  return environ !== null && environ.split('\0').some((v) => v.startsWith(`${MANAGED_MARKER}=`));
}

/** Sends a signal, ignoring a process that is already gone. */
export function signalPid(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
  }
}

/** SIGKILL to the whole process group the agent leads (its own children too), else to it alone. */
export function killTree(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    signalPid(pid, 'SIGKILL');
  }
}

function readProc(pid: number | 'self', file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'latin1');
  } catch {
    return null;
  }
}
