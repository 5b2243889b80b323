import { readBreaker } from '../lib/breakers';
import { check, type Check, type Scenario } from '../lib/scenario';
import { runScenario, type RunContext } from '../lib/scenario-run';
import { sleep } from '../lib/wait';

const AGENTS = 6;
/** ≥ 5, so one crash loses 5 attempts in a row on the agent: the default policy opens on that. */
const CONCURRENCY = 5;
const MAX_ATTEMPTS = 3;

/**
 * One task among the others kills any agent that takes it (SIGKILL, with its slots full). Crashed
 * agents are restarted under the same name, which re-registers them and requeues what they held.
 * The poison must be dead-lettered after its 3 attempts, and a crashed agent's breaker must open.
 */
export const poisonTask: Scenario = {
  name: 'poison-task',
  summary: `a poison task (maxAttempts ${MAX_ATTEMPTS}) that SIGKILLs every agent taking it → dead-lettered after ${MAX_ATTEMPTS} attempts, a crashed agent's breaker opens`,
  run: (suite) => {
    const poisonAt = Math.floor(suite.tasks / 2);
    return runScenario(suite, {
      name: 'poison-task',
      agents: Array.from({ length: AGENTS }, (_, i) => ({
        name: `poison-${suite.runId}-${i}`,
        behaviour: 'poison-dies',
        concurrency: CONCURRENCY,
      })),
      poisonAt,
      faultAt: 0.3,
      recoveryWhat: 'from the first crash until the poison task is dead-lettered',
      onDeath(agent, ctx) {
        ctx.note(`${agent.spec.name} died; restarting it under the same name`);
        // `ending` is set once the harness stops the fleet: then it stays dead.
        setTimeout(() => !agent.ending && agent.start(), 200);
      },
      async inject(ctx: RunContext) {
        // The fault is in the workload: wait for the poison to run its course.
        const deadline = Date.now() + 90_000;
        let status = '';
        while (Date.now() < deadline) {
          const id = ctx.workload.ids[poisonAt];
          const row = id
            ? (await ctx.suite.sql.tryQuery<{ status: string }>('select status from tasks where id = $1', [id]))?.[0]
            : undefined;
          status = row?.status ?? status;
          if (status === 'dead-lettered' || status === 'succeeded' || status === 'failed') break;
          await sleep(200);
        }
        const crashes = dyingEntries(ctx);
        const faultAt = crashes[0]?.at ?? Date.now();
        return { faultAt, recoveryMs: status === 'dead-lettered' ? Date.now() - faultAt : null };
      },
      async verify(ctx) {
        const id = ctx.workload.ids[poisonAt];
        const [t] = await ctx.suite.sql.query<{ status: string; attempt: number; max_attempts: number }>(
          'select status, attempt, max_attempts from tasks where id = $1',
          [id],
        );
        const crashes = dyingEntries(ctx);
        // A crash loses every task the agent held, not only the poison: a task that rode along with
        // the poison on each of its crashes uses up its attempts too. Those are explained; anything else is not.
        const [others] = await ctx.suite.sql.query<{ unexplained: string; collateral: string }>(
          `
          select count(*) filter (where not collateral) as unexplained, count(*) filter (where collateral) as collateral from (
            select t.status = 'dead-lettered' and not exists (
              select 1 from task_attempts a where a.task_id = t.id
                and (a.status <> 'lost' or a.agent_id not in (select p.agent_id from task_attempts p where p.task_id = $2))) as collateral
            from tasks t where t.id = any($1::text[]) and t.id <> $2 and t.status <> 'succeeded') x`,
          [ctx.workload.ids, id],
        );
        const checks: Check[] = [
          check(
            'poison dead-lettered',
            t.status === 'dead-lettered' && t.attempt === MAX_ATTEMPTS,
            `status ${t.status} after ${t.attempt}/${t.max_attempts} attempts`,
          ),
          check(
            `${MAX_ATTEMPTS} crashes, one per attempt`,
            crashes.length === MAX_ATTEMPTS && new Set(crashes.map((c) => c.attempt)).size === MAX_ATTEMPTS,
            `${crashes.length} agents died on it (attempts ${crashes.map((c) => c.attempt).join(', ') || 'none'}) by ${[...new Set(crashes.map((c) => c.agent))].join(', ') || 'nobody'}`,
          ),
          check(
            'every other task succeeded, or died with the poison on each of its crashes',
            Number(others.unexplained) === 0,
            `${others.unexplained} other tasks not succeeded without explanation; ${others.collateral} dead-lettered alongside the poison`,
          ),
        ];
        checks.push(await breakerOpened(ctx, [...new Set(crashes.map((c) => c.agent))]));
        return checks;
      },
    });
  },
};

function dyingEntries(ctx: RunContext) {
  return ctx.fleet.entries.flatMap((e) => (e.e === 'dying' ? [e] : [])).sort((a, b) => a.at - b.at);
}

/** Whether the breaker of at least one agent that crashed on the poison went open. */
async function breakerOpened(ctx: RunContext, names: string[]): Promise<Check> {
  const seen: string[] = [];
  for (const name of names) {
    const agentId = ctx.fleet.byName(name)?.agentId;
    if (!agentId) continue;
    const view = await readBreaker(ctx.suite.api, ctx.suite.adminToken, ctx.suite.sql, agentId).catch(() => null);
    if (!view) {
      seen.push(`${name}: no breaker`);
      continue;
    }
    const opened = view.history.find((h) => h.to === 'open');
    if (opened)
      return check(
        'crashed agent breaker opens',
        true,
        `${name}: opened (${opened.reason}), now ${view.state} [${view.source}]`,
      );
    seen.push(`${name}: ${view.state}, never opened`);
  }
  return check('crashed agent breaker opens', false, seen.join('; ') || 'no crashed agent');
}
