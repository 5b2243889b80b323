import { LiveEvents, viaRedis } from '../lib/live-events';
import { noInternalErrors } from '../lib/outage-answers';
import { check, type Scenario } from '../lib/scenario';
import { runScenario } from '../lib/scenario-run';
import { seconds } from '../lib/table';
import { sleep } from '../lib/wait';

const AGENTS = 12;
const DOWN_MS = 3_000;
const LIVE_WITHIN_MS = 10_000;

/**
 * Redis shut down without saving and started again empty: events and hot counters are gone,
 * state is not (it lives in PostgreSQL). A dashboard's live stream, opened before, must carry
 * events through Redis again soon after it is back.
 */
export const restartRedis: Scenario = {
  name: 'restart-redis',
  summary: `Redis shut down for ${DOWN_MS / 1000} s mid-run, started again empty → no loss, the live event stream recovers`,
  run: (suite) =>
    runScenario(suite, {
      name: 'restart-redis',
      agents: Array.from({ length: AGENTS }, (_, i) => ({ name: `redis-${suite.runId}-${i}` })),
      recoveryWhat: 'from Redis answering again until throughput is back above half its pre-fault rate',
      async inject(ctx) {
        const live = new LiveEvents(ctx.suite.url, ctx.suite.adminToken);
        try {
          for (let i = 0; i < 50 && !live.events.length; i++) await sleep(100);
          const connected = live.events.length > 0;
          const faultAt = Date.now();
          await ctx.suite.services.stopRedis();
          ctx.note('Redis shut down (nosave)');
          await sleep(DOWN_MS);
          await ctx.suite.services.startRedis();
          const backAt = Date.now();
          ctx.note(`Redis back, empty, after ${seconds(backAt - faultAt)}`);
          for (let i = 0; i < LIVE_WITHIN_MS / 100 && !live.firstAfter(backAt, viaRedis); i++) await sleep(100);
          const any = live.firstAfter(backAt);
          const redis = live.firstAfter(backAt, viaRedis);
          return {
            faultAt,
            backAt,
            checks: [
              check(
                'live stream open before the fault',
                connected,
                connected
                  ? `${live.events.length} events received`
                  : `no event in 5 s${live.errors.length ? `: ${live.errors.at(-1)}` : ''}`,
              ),
              check(
                'live stream recovers',
                redis !== undefined,
                `first event after Redis came back ${any ? `${seconds(any.receivedAt - backAt)} (${any.name})` : 'never'}; first carried by Redis ${redis ? `${seconds(redis.receivedAt - backAt)} (${redis.name})` : `not within ${LIVE_WITHIN_MS / 1000} s`}`,
              ),
            ],
          };
        } finally {
          await live.close();
        }
      },
      verify: async (ctx, fault) => [noInternalErrors(ctx.fleet.entries, fault.faultAt, fault.backAt! + 5_000)],
    }),
};
