/** Reading a server's bounded output tail across a fault, and resuming a stopped process. */

/** What `after` (a bounded tail of the server's output) holds beyond `before`. */
export function logSince(before: string, after: string): string {
  if (after.startsWith(before)) return after.slice(before.length);
  const tail = before.slice(-200);
  const at = tail ? after.lastIndexOf(tail) : -1;
  return at >= 0 ? after.slice(at + tail.length) : after;
}

export const countIn = (text: string, needle: string) => text.split(needle).length - 1;

/** The `reason` of the log line holding `needle`, in parentheses (empty when it has none). */
export function logLine(log: string, needle: string): string {
  const line = log.split('\n').find((l) => l.includes(needle)) ?? '';
  const reason = /"reason":"([^"]*)"/.exec(line)?.[1];
  return reason ? `(${reason})` : '';
}

/** SIGCONT to a process that may be stopped, running or gone: safe in a finally. */
export function resume(pid: number): void {
  try {
    process.kill(pid, 'SIGCONT');
  } catch {
    /* gone */
  }
}
