import { noInternalErrors } from '../lib/outage-answers';
import type { Scenario } from '../lib/scenario';
import { runScenario } from '../lib/scenario-run';
import { seconds } from '../lib/table';

const AGENTS = 12;
const DOWN_MS = 2_000;

/**
 * PostgreSQL stopped (fast: connections cut) and started again mid-run: the server answers 503
 * meanwhile, agents and the submitter retry, and nothing is lost or recorded twice.
 */
export const restartPostgres: Scenario = {
  name: 'restart-postgres',
  summary: `PostgreSQL stopped for ${DOWN_MS / 1000} s mid-run and started again → no task lost or doubled, throughput recovers`,
  run: (suite) =>
    runScenario(suite, {
      name: 'restart-postgres',
      agents: Array.from({ length: AGENTS }, (_, i) => ({ name: `pg-${suite.runId}-${i}` })),
      recoveryWhat:
        'from PostgreSQL accepting connections again until throughput is back above half its pre-fault rate',
      async inject(ctx) {
        const faultAt = Date.now();
        await ctx.suite.services.stopPostgres();
        ctx.note('PostgreSQL stopped');
        await new Promise((r) => setTimeout(r, DOWN_MS));
        await ctx.suite.services.startPostgres();
        const backAt = Date.now();
        ctx.note(`PostgreSQL back after ${seconds(backAt - faultAt)}`);
        return { faultAt, backAt };
      },
      verify: async (ctx, fault) => [noInternalErrors(ctx.fleet.entries, fault.faultAt, fault.backAt! + 5_000)],
    }),
};
