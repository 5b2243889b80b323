import type { Clock } from '@/server/core/ports';

/**
 * Runs `fn` with a signal of its own that follows `signal`, and detaches it afterwards. Agents
 * sleep and poll thousands of times on one long-lived signal; listeners a callee leaves on it
 * (the system clock leaves one per sleep) would pile up there until the agent stops.
 */
export async function withScopedSignal<T>(signal: AbortSignal, fn: (scoped: AbortSignal) => Promise<T>): Promise<T> {
  const local = new AbortController();
  const forward = () => local.abort(signal.reason);
  if (signal.aborted) local.abort(signal.reason);
  else signal.addEventListener('abort', forward, { once: true });
  try {
    return await fn(local.signal);
  } finally {
    signal.removeEventListener('abort', forward);
  }
}

/** `clock.sleep` until `ms` pass or `signal` aborts. */
export function pause(clock: Clock, ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return withScopedSignal(signal, (s) => clock.sleep(ms, s));
}
