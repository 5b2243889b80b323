import type { Runtime } from './runtime';

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)),
  ]);

/** Ready when the database answers and, in production mode, the event bus does too. */
export async function checkReadiness(rt: Runtime) {
  const checks: Record<string, { ok: boolean; error?: string; ms: number }> = {};
  const probe = async (name: string, fn: () => Promise<unknown>) => {
    const t = performance.now();
    try {
      await withTimeout(fn(), 2_000);
      checks[name] = { ok: true, ms: Math.round(performance.now() - t) };
    } catch (e) {
      checks[name] = { ok: false, error: (e as Error).message, ms: Math.round(performance.now() - t) };
    }
  };
  await probe('database', () => rt.store.ping());
  if (rt.mode.events === 'redis') await probe('redis', () => rt.bus.ping());
  return { ready: Object.values(checks).every((c) => c.ok), mode: rt.mode, checks };
}
