import { isStateChange, LiveEvents, viaRedis } from '../lib/live-events';
import { noInternalErrors } from '../lib/outage-answers';
import { cancelProbe, probeSubmitted, submitProbe } from '../lib/probe-task';
import { check, type Scenario } from '../lib/scenario';
import { runScenario } from '../lib/scenario-run';
import { seconds } from '../lib/table';
import { sleep, until } from '../lib/wait';

const AGENTS = 12;
const DOWN_MS = 3_000;
/** A state change made while Redis is down reaches the live stream within this (from the event log). */
const DELIVER_WITHIN_MS = 5_000;
const SIGNALS_WITHIN_MS = 10_000;
/** Work must still be waiting once Redis is back, or there is no throughput to recover. */
const MIN_RUN_SECONDS = 12;

/**
 * Redis shut down without saving and started again empty: signals and hot counters are gone,
 * state is not (it lives in PostgreSQL, and so does the event log). A dashboard's live stream,
 * opened before, keeps receiving state changes while Redis is away, and signals once it is back.
 */
export const restartRedis: Scenario = {
  name: 'restart-redis',
  summary: `Redis shut down for ${DOWN_MS / 1000} s mid-run, started again empty → no loss, state changes stream on, signals return`,
  run: (suite) =>
    runScenario(suite, {
      name: 'restart-redis',
      agents: Array.from({ length: AGENTS }, (_, i) => ({ name: `redis-${suite.runId}-${i}` })),
      minRunSeconds: MIN_RUN_SECONDS,
      recoveryWhat: 'from Redis answering again until throughput is back above half its pre-fault rate',
      async inject(ctx) {
        const { api, adminToken: token } = ctx.suite;
        const live = new LiveEvents(ctx.suite.url, token);
        try {
          for (let i = 0; i < 50 && !live.events.length; i++) await sleep(100);
          const connected = live.events.length > 0;
          const faultAt = Date.now();
          await ctx.suite.services.stopRedis();
          ctx.note('Redis shut down (nosave)');
          // A change of our own, so there is one to see even when the workload is between tasks.
          const probe = await submitProbe(api, token, `${ctx.suite.runId}-redis`);
          const arrived = await until(async () => probeSubmitted(live.events, probe), Boolean, DELIVER_WITHIN_MS);
          await sleep(faultAt + DOWN_MS - Date.now());
          await ctx.suite.services.startRedis();
          const backAt = Date.now();
          ctx.note(`Redis back, empty, after ${seconds(backAt - faultAt)}`);
          const signal = await until(async () => live.firstAfter(backAt, viaRedis), Boolean, SIGNALS_WITHIN_MS);
          await cancelProbe(api, token, probe);
          const whileDown = live.events.filter(
            (e) => isStateChange(e) && e.receivedAt >= faultAt && e.receivedAt < backAt,
          );
          const latency = arrived ? arrived.receivedAt - probe.sentAt : null;
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
                'state changes stream on with Redis down',
                latency !== null && latency <= DELIVER_WITHIN_MS,
                `a task submitted with Redis down reached the stream ${latency === null ? `not within ${DELIVER_WITHIN_MS / 1000} s` : `${latency} ms after the request`}; ${whileDown.length} state changes received while Redis was down`,
              ),
              check(
                'signals flow again after Redis is back',
                signal !== null,
                signal
                  ? `first signal through Redis ${seconds(signal.receivedAt - backAt)} after it came back (${signal.name})`
                  : `no signal through Redis within ${SIGNALS_WITHIN_MS / 1000} s${live.errors.length ? `; stream errors: ${live.errors.at(-1)}` : ''}`,
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
