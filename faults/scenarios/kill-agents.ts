import { heldBy } from '../lib/invariants';
import { check, type Scenario } from '../lib/scenario';
import { runScenario, type RunContext } from '../lib/scenario-run';
import { TIMINGS } from '../lib/server';
import { seconds } from '../lib/table';
import { pickHolders, waitForRelease } from '../lib/holders';

const AGENTS = 12;
const VICTIMS = 3;
const LIMIT_MS = TIMINGS.offlineAfterMs + 2_000;

/** kill -9 of agents holding tasks: their work is back in the queue within the offline timeout + 2 s. */
export const killAgents: Scenario = {
  name: 'kill-agents',
  summary: `kill -9 of ${VICTIMS} agents holding tasks → all their tasks requeued within the offline timeout + 2 s`,
  run: (suite) =>
    runScenario(suite, {
      name: 'kill-agents',
      // Slow-ish tasks, so an agent holds some at any moment.
      agents: Array.from({ length: AGENTS }, (_, i) => ({ name: `kill-${suite.runId}-${i}`, delay: '100-300' })),
      recoveryWhat: 'from the kill until no task is held by a killed agent',
      async inject(ctx: RunContext) {
        const victims = await pickHolders(ctx, VICTIMS);
        const faultAt = Date.now();
        for (const v of victims) v.signal('SIGKILL');
        ctx.note(`kill -9 ${victims.map((v) => v.spec.name).join(', ')}`);
        const ids = victims.map((v) => v.agentId!);
        // Anything assigned to them just before they died is theirs too: look once the dust settles.
        await new Promise((r) => setTimeout(r, 300));
        const held = (await heldBy(ctx.suite.sql, ids)) ?? [];
        const releasedAt = await waitForRelease(ctx, ids, 30_000);
        const recoveryMs = releasedAt === null ? null : releasedAt - faultAt;
        return {
          faultAt,
          recoveryMs,
          checks: [
            check(
              'killed agents held tasks',
              held.length > 0,
              `${held.length} tasks held by the killed agents 0.3 s after the kill`,
            ),
            check(
              `requeued within ${LIMIT_MS / 1000} s`,
              recoveryMs !== null && recoveryMs <= LIMIT_MS,
              `their tasks were released ${seconds(recoveryMs)} after the kill (offline after ${TIMINGS.offlineAfterMs / 1000} s + 2 s allowed)`,
            ),
          ],
        };
      },
    }),
};
