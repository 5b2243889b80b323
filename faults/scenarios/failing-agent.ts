import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { readBreaker, type BreakerView } from '../lib/breakers';
import { check, type Check, type Scenario } from '../lib/scenario';
import { runScenario, type RunContext } from '../lib/scenario-run';
import { TIMINGS } from '../lib/server';
import { seconds } from '../lib/table';
import { until } from '../lib/wait';

const HEALTHY = 8;
/** An assignment decided in the same instant as the opening failure is not "while open". */
const GRACE_MS = 250;

/**
 * One agent fails every task until the harness "repairs" it (creates its switch file, once its
 * breaker is seen open). Its breaker must open, keep work away for the cool-down, let one probe
 * through when half-open, and close when the probe succeeds. Its failed tasks succeed elsewhere.
 */
export const failingAgent: Scenario = {
  name: 'failing-agent',
  summary:
    'an agent failing every task → its breaker opens, it gets nothing while open, one half-open probe, closes after it recovers',
  run: (suite) => {
    const name = `failing-${suite.runId}`;
    const repaired = path.join(suite.dir, 'failing-agent.repaired');
    let transitions: Transitions | null = null;
    return runScenario(suite, {
      name: 'failing-agent',
      agents: [
        { name, behaviour: `fail-then-ok:${repaired}` },
        ...Array.from({ length: HEALTHY }, (_, i) => ({ name: `failing-ok-${suite.runId}-${i}` })),
      ],
      faultAt: 0,
      recoveryWhat: 'from the breaker opening until it closed again',
      async inject(ctx: RunContext) {
        const agentId = ctx.fleet.byName(name)!.agentId!;
        const read = () => readBreaker(ctx.suite.api, ctx.suite.adminToken, ctx.suite.sql, agentId).catch(() => null);
        let view = await until(read, (v) => !!v?.history.some((h) => h.to === 'open'), 30_000);
        // Repaired once seen open (or given up on): its half-open probe then succeeds.
        writeFileSync(repaired, 'ok\n');
        ctx.note(view ? 'breaker open; agent repaired' : 'breaker never opened; agent repaired anyway');
        view = (await until(read, (v) => !!transitionsOf(v).closedAt, TIMINGS.breakerCoolDownMs + 30_000)) ?? view;
        transitions = transitionsOf(view);
        const t = transitions;
        return {
          faultAt: t.openedAt ?? Date.now(),
          recoveryMs: t.openedAt && t.closedAt ? t.closedAt - t.openedAt : null,
          checks: [
            check(
              'breaker opens',
              t.openedAt !== null,
              t.openedAt
                ? `opened: ${t.openReason}`
                : `never opened (${view ? `state ${view.state} [${view.source}]` : 'no breaker readable'})`,
            ),
            check(
              'half-open after the cool-down',
              t.halfOpenAt !== null,
              t.halfOpenAt && t.openedAt
                ? `half-open ${seconds(t.halfOpenAt - t.openedAt)} after opening`
                : 'never half-open',
            ),
            check(
              'closes after recovery',
              t.closedAt !== null,
              t.closedAt && t.halfOpenAt
                ? `closed ${seconds(t.closedAt - t.halfOpenAt)} after half-open`
                : 'never closed again',
            ),
          ],
        };
      },
      async verify(ctx) {
        const t = transitions;
        const agentId = ctx.fleet.byName(name)!.agentId!;
        const checks: Check[] = [];
        if (t?.openedAt && t.halfOpenAt) {
          const assigned = await ctx.suite.sql.query<{ at: string }>(
            `select (extract(epoch from assigned_at) * 1000)::bigint as at from task_attempts where agent_id = $1 order by assigned_at`,
            [agentId],
          );
          const times = assigned.map((a) => Number(a.at));
          const whileOpen = times.filter((at) => at > t.openedAt! + GRACE_MS && at < t.halfOpenAt!);
          const probes = times.filter((at) => at >= t.halfOpenAt! && at <= (t.closedAt ?? Infinity));
          checks.push(
            check(
              'nothing assigned while open',
              whileOpen.length === 0,
              `${whileOpen.length} assignments between opening (+${GRACE_MS} ms) and half-open`,
            ),
          );
          checks.push(
            check(
              'one half-open probe',
              probes.length === 1,
              `${probes.length} assignments between half-open and closed`,
            ),
          );
        }
        const failed = [
          ...new Set(ctx.fleet.entries.flatMap((e) => (e.e === 'failed' && e.agent === name ? [e.taskId] : []))),
        ];
        const rows = await ctx.suite.sql.query<{ n: string }>(
          `select count(*) as n from tasks where id = any($1::text[]) and status = 'succeeded'`,
          [failed],
        );
        checks.push(
          check(
            'its failed tasks succeeded elsewhere',
            failed.length > 0 && Number(rows[0].n) === failed.length,
            `${rows[0].n}/${failed.length} tasks it failed ended succeeded`,
          ),
        );
        return checks;
      },
    });
  },
};

interface Transitions {
  openedAt: number | null;
  openReason: string;
  halfOpenAt: number | null;
  closedAt: number | null;
}

/** The first open, the half-open after it, and the close after that. */
function transitionsOf(v: BreakerView | null): Transitions {
  const h = v?.history ?? [];
  const open = h.find((x) => x.to === 'open');
  const half = open && h.find((x) => x.to === 'half-open' && x.at >= open.at);
  const closed = half && h.find((x) => x.to === 'closed' && x.at >= half.at);
  return {
    openedAt: open?.at ?? null,
    openReason: open?.reason ?? '',
    halfOpenAt: half?.at ?? null,
    closedAt: closed?.at ?? null,
  };
}
