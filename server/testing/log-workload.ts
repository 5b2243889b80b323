import { sql } from 'drizzle-orm';
import type { Runtime } from '@/server/runtime';
import { adminPrincipal, callerAs, registerAgent } from './test-runtime';

/**
 * A scripted fleet for proving the event log: agents that do what each task's payload tells
 * them on each attempt, and an operator, all writing at once. Every state change the product
 * makes happens here at least once (see `runLogWorkload`).
 */

/** What an agent does on an attempt (past the end of `steps`: it completes the task). */
export type Step = 'ok' | 'fail' | 'fatal' | 'release' | 'sign-off' | 'register-again' | 'deregister' | 'vanish';

const CAPABILITY = 'log-proof';
/** Nobody has it: such a task waits queued until an operator cancels it. */
const HELD = 'log-proof-held';
const FINAL = ['succeeded', 'failed', 'cancelled'];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function join(rt: Runtime, name: string) {
  const agent = await registerAgent(rt, { name, capabilities: [CAPABILITY] });
  await agent.caller.agents.heartbeat({});
  return agent;
}

/** One agent's worker: heartbeats every 100 ms and does what each attempt's step says until `stop.done`. */
async function runAgent(rt: Runtime, name: string, stop: { done: boolean }): Promise<void> {
  const admin = callerAs(rt, adminPrincipal);
  let me = await join(rt, name);
  let silent = false;
  let serial = 0;
  const beat = setInterval(() => void (silent ? null : me.caller.agents.heartbeat({}).catch(() => {})), 100);
  try {
    while (!stop.done) {
      const w = await me.caller.work.poll({ waitMs: 100 });
      if (!w) continue;
      const lease = { taskId: w.taskId, leaseToken: w.leaseToken };
      const step = ((w.payload as { steps?: Step[] } | null)?.steps ?? [])[w.attempt - 1] ?? 'ok';
      if (step === 'release') {
        await me.caller.work.release({ ...lease, reason: 'rate-limited' });
        continue;
      }
      if (step === 'deregister') {
        // Crashed for good while holding an assignment: an operator's clean-up terminates it; a new agent takes its place.
        await me.caller.agents.deregister();
        me = await join(rt, `${name}-${++serial}`);
        continue;
      }
      await me.caller.work.start(lease);
      if (step === 'ok') await me.caller.work.complete(lease);
      else if (step === 'fail' || step === 'fatal')
        await me.caller.work.fail({ ...lease, error: `${step} on attempt ${w.attempt}`, retryable: step === 'fail' });
      else if (step === 'sign-off') {
        await me.caller.agents.signOff();
        await me.caller.agents.heartbeat({});
      } else if (step === 'register-again') {
        me = await join(rt, name);
      } else if (step === 'vanish') {
        // Silent while running: the heartbeat sweep marks it offline and its task goes back to the queue.
        silent = true;
        const deadline = Date.now() + 10_000;
        while ((await admin.agents.get({ id: me.agentId })).status !== 'offline' && Date.now() < deadline)
          await sleep(50);
        silent = false;
        await me.caller.agents.heartbeat({});
      }
    }
  } finally {
    clearInterval(beat);
    // A clean stop: the heartbeat sweep leaves a stopped agent alone, so nothing changes after the workload.
    await me.caller.agents.signOff();
  }
}

/** The operator: submits rounds of tasks (with dependencies), cancels, reprioritises, retries dead letters until all is finished. */
async function runOperator(rt: Runtime, rounds: number, stop: { done: boolean }): Promise<void> {
  const admin = callerAs(rt, adminPrincipal);
  const plan = (r: number, steps: Step[], extra: { maxAttempts?: number; dependsOn?: string[] } = {}) => ({
    title: `round ${r}: ${steps.join(', ') || 'ok'}`,
    capabilities: [CAPABILITY],
    payload: { steps },
    ...extra,
  });
  try {
    for (let r = 0; r < rounds; r++) {
      const crashes: Step[][] = [['sign-off'], ['register-again'], ...(r % 2 === 0 ? [['deregister'] as Step[]] : [])];
      await admin.tasks.submit({
        tasks: [
          ...Array.from({ length: 8 }, () => plan(r, [])),
          plan(r, ['fail']),
          plan(r, ['fail', 'fail'], { maxAttempts: 2 }),
          plan(r, ['fatal']),
          plan(r, ['release']),
          ...crashes.map((steps) => plan(r, steps)),
          ...(r === 0 ? [plan(r, ['vanish'])] : []),
        ],
      });
      // Dependents released when their dependency succeeds, and cancelled when it fails.
      const {
        ids: [good, bad],
      } = await admin.tasks.submit({ tasks: [plan(r, []), plan(r, ['fatal'])] });
      await admin.tasks.submit({
        tasks: [
          plan(r, [], { dependsOn: [good] }),
          plan(r, [], { dependsOn: [good] }),
          plan(r, [], { dependsOn: [bad] }),
        ],
      });
      // A parent nobody can run, reprioritised, then cancelled: its blocked dependents (and theirs) are cancelled in SQL.
      const {
        ids: [held],
      } = await admin.tasks.submit({ title: `round ${r}: held`, capabilities: [HELD] });
      const {
        ids: [child],
      } = await admin.tasks.submit(plan(r, [], { dependsOn: [held] }));
      await admin.tasks.submit(plan(r, [], { dependsOn: [child] }));
      await admin.tasks.setPriority({ id: held, priority: 'high' });
      await admin.tasks.cancel({ id: held });
      await sleep(100);
    }
    // Dead letters go back to the queue by an operator's hand until every task has finished.
    const deadline = Date.now() + 20_000;
    for (;;) {
      const open = (
        (await rt.database.db.execute(
          sql`select id, status from tasks where title like 'round %' and status not in (${sql.join(
            FINAL.map((s) => sql`${s}`),
            sql`, `,
          )})`,
        )) as unknown as { rows: { id: string; status: string }[] }
      ).rows;
      if (!open.length) return;
      if (Date.now() > deadline) throw new Error(`unfinished after 20 s: ${JSON.stringify(open)}`);
      for (const t of open.filter((t) => t.status === 'dead-lettered')) await admin.tasks.retry({ id: t.id });
      await sleep(50);
    }
  } finally {
    stop.done = true;
  }
}

/** Runs `agents` workers and the operator at once until every submitted task has finished. */
export async function runLogWorkload(rt: Runtime, opts: { agents: number; rounds: number }): Promise<void> {
  const stop = { done: false };
  // One writer failing stops them all; the first failure is the one reported.
  const settled = await Promise.allSettled(
    [
      runOperator(rt, opts.rounds, stop),
      ...Array.from({ length: opts.agents }, (_, i) => runAgent(rt, `log-proof-${i}`, stop)),
    ].map((p) =>
      p.catch((err: unknown) => {
        stop.done = true;
        throw err;
      }),
    ),
  );
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
}
