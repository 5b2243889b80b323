import type { Runtime } from '../runtime';
import { watchStopSignals } from './stop-signals';

/**
 * The process's stop path. The first signal drains and stops the runtime, then exits (0 when
 * every step succeeded); a later one hurries the drain, never skipping the steps that release
 * work, stop agent processes and close the database. A signal during start-up stops the
 * runtime once it is up. Past the budget, agent processes are killed and the process exits 1.
 */
export function installShutdown(
  runtime: () => Promise<Runtime> | undefined,
  opts: { replaceListeners: boolean },
): void {
  const hurry = new AbortController();
  let started: Runtime | null = null;
  const current = () => {
    const p = runtime();
    p?.then(
      (rt) => (started = rt),
      () => {},
    );
    return p;
  };
  watchStopSignals(
    {
      begin(signal) {
        const p = current();
        if (!p) process.exit(0);
        // A start-up that fails exits by itself (serve.ts reports why).
        p.then(
          (rt) => stopAndExit(rt, signal, hurry.signal),
          () => {},
        );
      },
      hurry(signal) {
        if (!started) {
          process.stderr.write(`flightdeck: ${signal} again while starting up: exiting without a clean stop\n`);
          process.exit(1);
        }
        started.log.warn(
          { signal },
          'signal repeated: hurrying the shutdown (agents told to stop now, connections cut); work is still released and the database closed',
        );
        hurry.abort();
      },
      repeat(signal) {
        started?.log.debug({ signal }, 'signal repeated within a second: the same request to stop');
      },
    },
    { replace: opts.replaceListeners },
  );
}

async function stopAndExit(rt: Runtime, signal: string, hurry: AbortSignal): Promise<void> {
  const { totalMs } = rt.shutdownBudget;
  rt.log.info({ signal, budgetMs: totalMs }, 'shutting down');
  const force = setTimeout(() => {
    rt.log.error({ budgetMs: totalMs }, 'shutdown overran its budget: killing agent processes and exiting');
    rt.killAgentProcesses();
    process.exit(1);
  }, totalMs);
  force.unref();
  const clean = await rt.stop({ hurry });
  process.exit(clean ? 0 : 1);
}
