// Waits for a Flightdeck server to answer /api/ready. The first request also warms the
// runtime (database open, migrations, orchestrator start) that instrumentation begins.
/* global fetch, AbortSignal */
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls `${baseUrl}/api/ready` until it answers 200.
 * @param {string} baseUrl e.g. http://127.0.0.1:3000
 * @param {{ timeoutMs?: number, stillAlive?: () => boolean, onWaiting?: (why: string) => void }} [opts]
 * @returns {Promise<{ ready: true, mode?: { storage: string, events: string } } | { ready: false, why: string }>}
 */
export async function waitForReady(baseUrl, { timeoutMs = 180_000, stillAlive = () => true, onWaiting } = {}) {
  const deadline = Date.now() + timeoutMs;
  let why = 'no answer yet';
  let reported = Date.now();
  while (Date.now() < deadline) {
    if (!stillAlive()) return { ready: false, why: 'the server process exited' };
    try {
      const res = await fetch(`${baseUrl}/api/ready`, { signal: AbortSignal.timeout(10_000) });
      const body = await res.json().catch(() => ({}));
      if (res.ok) return { ready: true, mode: body.mode };
      const failed = Object.entries(body.checks ?? {})
        .filter(([, c]) => !c.ok)
        .map(([name, c]) => `${name}: ${c.error}`);
      why = `HTTP ${res.status}${failed.length ? ` (${failed.join('; ')})` : ''}`;
    } catch (err) {
      why = err?.cause?.code ?? err?.message ?? String(err);
    }
    if (onWaiting && Date.now() - reported > 15_000) {
      reported = Date.now();
      onWaiting(why);
    }
    await sleep(250);
  }
  return { ready: false, why };
}

/** Human name of a deployment mode as /api/ready reports it. */
export function describeMode(mode) {
  if (!mode) return 'unknown mode';
  const storage =
    mode.storage === 'postgres' ? 'PostgreSQL' : mode.storage === 'pglite' ? 'embedded PGlite' : mode.storage;
  const events =
    mode.events === 'redis' ? 'Redis events' : mode.events === 'memory' ? 'in-process events' : mode.events;
  const name = mode.storage === 'postgres' ? 'production mode' : 'embedded mode';
  return `${name}: ${storage}, ${events}`;
}
