import type { Logger } from '@/server/core/ports';
import type { AgentProvider } from '@/server/core/pools/ports';
import { DockerProvider } from './docker-provider';
import { ProcessProvider } from './process-provider';
import { SimulatedProvider, type SimulatedHost } from './simulated-provider';

/** The providers this server offers pools: in-process simulated agents, local processes, Docker. */
export function createProviders(host: () => SimulatedHost, log: Logger) {
  const simulated = new SimulatedProvider({ host, log: log.child({ part: 'simulated-provider' }) });
  const processes = new ProcessProvider({ log: log.child({ part: 'process-provider' }) });
  const providers: AgentProvider[] = [
    simulated,
    processes,
    new DockerProvider({ log: log.child({ part: 'docker-provider' }) }),
  ];
  return {
    providers,
    /**
     * At shutdown in-process agents and the agent processes this server started stop with it
     * (an orphaned worker's output goes nowhere, and nothing watches it). Containers keep
     * running: they reconnect when the server is back, which finds them again by label.
     */
    stop: async (graceMs: number, hurry?: AbortSignal) => {
      await Promise.all([simulated.stopAll(graceMs), processes.stopAll(graceMs, hurry)]);
    },
    /** SIGKILL to the agent processes, synchronously: for a shutdown that overran its budget. */
    kill: () => processes.killAll(),
  };
}
