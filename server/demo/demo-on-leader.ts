import type { Logger } from '@/server/core/ports';
import type { Orchestrator } from '@/server/core/orchestrator';
import { DemoFleet } from './demo-fleet';

/**
 * The demo fleet runs on the leader only, like the cluster loops: with several replicas there is
 * one demo, and it moves to the next leader. `ready` resolves once the demo of a replica that
 * leads at start-up has registered its agents.
 */
export function runDemoOnLeader(
  core: Orchestrator,
  log: Logger,
  opts: { agents: number; tasksPerMinute: number },
): { ready: Promise<void>; stop(): Promise<void> } {
  let demo: DemoFleet | null = null;
  // Starts and stops run one after the other, in the order leadership changed.
  let chain: Promise<void> = Promise.resolve();
  const then = (step: () => Promise<void>) =>
    (chain = chain.then(step).catch((err) => log.error({ err }, 'the demo fleet failed to start or stop')));
  const unwatch = core.leadership.watch((epoch) => {
    if (epoch !== null && !demo) {
      const fleet = new DemoFleet(core, log, opts);
      demo = fleet;
      void then(() => fleet.start());
    } else if (epoch === null && demo) {
      const fleet = demo;
      demo = null;
      void then(() => fleet.stop());
    }
  });
  const ready = chain;
  return {
    ready,
    async stop() {
      unwatch();
      const fleet = demo;
      demo = null;
      await then(async () => fleet?.stop());
    },
  };
}
