import { pickHolders, waitForRelease } from '../lib/holders';
import { heldBy } from '../lib/invariants';
import { check, type Scenario } from '../lib/scenario';
import { runScenario, type RunContext } from '../lib/scenario-run';
import { TIMINGS } from '../lib/server';
import { seconds } from '../lib/table';
import { sleep, until } from '../lib/wait';

const AGENTS = 10;
const LIMIT_MS = TIMINGS.offlineAfterMs + 2_000;

const agentStatus = (ctx: RunContext, id: string) =>
  ctx.suite.api.query<{ status: string }>('agents.get', { id }, ctx.suite.adminToken).then(
    (a) => a.status,
    () => null,
  );

/**
 * SIGSTOP an agent holding tasks until it is past its offline timeout, then SIGCONT: the
 * completions it sends on waking carry stale leases and must be refused (409), while each of
 * those tasks completes exactly once under a newer lease.
 */
export const stopAgent: Scenario = {
  name: 'stop-agent',
  summary:
    'SIGSTOP an agent past its offline timeout, then SIGCONT → its late completions get 409, each task completes once elsewhere',
  run: (suite) => {
    let taken: { id: string; attempt: number; leaseToken: string }[] = [];
    let stale: typeof taken = [];
    return runScenario(suite, {
      name: 'stop-agent',
      agents: Array.from({ length: AGENTS }, (_, i) => ({ name: `stop-${suite.runId}-${i}`, delay: '100-300' })),
      recoveryWhat: 'from SIGSTOP until the stopped agent holds no task',
      async inject(ctx: RunContext) {
        const [victim] = await pickHolders(ctx, 1);
        const faultAt = Date.now();
        victim.signal('SIGSTOP');
        ctx.note(`SIGSTOP ${victim.spec.name}`);
        await sleep(300);
        const heldAtStop = (await heldBy(ctx.suite.sql, [victim.agentId!])) ?? [];
        const releasedAt = await waitForRelease(ctx, [victim.agentId!], 30_000);
        // Stale: attempts taken from it that it had been handed. A completion in flight when it stopped
        // may have landed first; an assignment made while it was not polling never reached it.
        taken = await ctx.suite.sql.query<{ id: string; attempt: number; leaseToken: string }>(
          `select task_id as id, attempt, lease_token as "leaseToken" from task_attempts where agent_id = $1 and status = 'lost'`,
          [victim.agentId],
        );
        // Well past the timeout, so its tasks have been placed elsewhere before it wakes.
        await sleep(2_000);
        const contAt = Date.now();
        victim.signal('SIGCONT');
        await sleep(500);
        const handed = new Set(
          ctx.fleet.entries.flatMap((e) => (e.e === 'delivered' && e.agent === victim.spec.name ? [e.leaseToken] : [])),
        );
        stale = taken.filter((l) => handed.has(l.leaseToken));
        ctx.note(`SIGCONT ${victim.spec.name} after ${seconds(contAt - faultAt)}`);
        const staleLeases = new Set(stale.map((s) => s.leaseToken));
        const mine = () => ctx.fleet.entries.filter((e) => e.agent === victim.spec.name && e.at >= contAt);
        const answered = () =>
          mine().filter((e) => (e.e === 'rejected' || e.e === 'completed') && staleLeases.has(e.leaseToken));
        for (let i = 0; i < 100 && answered().length < stale.length; i++) await sleep(100);
        const rejected = answered().filter((e) => e.e === 'rejected' && e.status === 409);
        const accepted = answered().filter((e) => e.e === 'completed');
        const status = await until(
          () => agentStatus(ctx, victim.agentId!),
          (s) => s === 'idle' || s === 'busy',
          10_000,
        );
        const recoveryMs = releasedAt === null ? null : releasedAt - faultAt;
        return {
          faultAt,
          recoveryMs,
          checks: [
            check(
              'stopped agent held tasks',
              heldAtStop.length > 0 && stale.length > 0,
              `${heldAtStop.length} tasks held when it was stopped; ${taken.length} taken from it, ${stale.length} of them already handed to it`,
            ),
            check(
              `requeued within ${LIMIT_MS / 1000} s`,
              recoveryMs !== null && recoveryMs <= LIMIT_MS,
              `released ${seconds(recoveryMs)} after SIGSTOP`,
            ),
            check(
              'late completions rejected (409)',
              stale.length > 0 && rejected.length === stale.length && accepted.length === 0,
              `${rejected.length}/${stale.length} stale completions answered 409, ${accepted.length} accepted${unanswered(ctx, victim.spec.name, stale, contAt)}`,
            ),
            check(
              'the agent is back after SIGCONT',
              status !== null,
              status ? `${status} again` : 'not idle or busy within 10 s of SIGCONT',
            ),
          ],
        };
      },
      async verify(ctx) {
        if (!taken.length) return [];
        const wins = await ctx.suite.sql.query<{ task_id: string; attempt: number }>(
          `select task_id, attempt from task_attempts where status = 'succeeded' and task_id = any($1::text[])`,
          [taken.map((s) => s.id)],
        );
        const elsewhere = taken.filter((s) => wins.some((w) => w.task_id === s.id && w.attempt > s.attempt));
        return [
          check(
            'its tasks completed once, elsewhere',
            elsewhere.length === taken.length && wins.length === taken.length,
            `${elsewhere.length}/${taken.length} completed under a later attempt (${wins.length} succeeded attempts)`,
          ),
        ];
      },
    });
  },
};

/** For a failure report: what the stopped agent's log says about the stale tasks it never reported. */
function unanswered(
  ctx: RunContext,
  agent: string,
  stale: { id: string; leaseToken: string }[],
  contAt: number,
): string {
  const quiet = stale.filter(
    (s) =>
      !ctx.fleet.entries.some(
        (e) =>
          e.agent === agent &&
          e.at >= contAt &&
          'leaseToken' in e &&
          e.leaseToken === s.leaseToken &&
          (e.e === 'rejected' || e.e === 'completed'),
      ),
  );
  if (!quiet.length) return '';
  const story = (s: { id: string; leaseToken: string }) =>
    ctx.fleet.entries
      .filter((e) => e.agent === agent && 'taskId' in e && e.taskId === s.id)
      .map((e) => `${e.e}${e.e === 'rejected' ? ` ${e.status}` : ''}@${e.at - contAt}ms`)
      .join(' ');
  return `; unanswered: ${quiet.map((s) => `${s.id} [${story(s) || 'never delivered to it'}]`).join(', ')}`;
}
