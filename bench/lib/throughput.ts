import { ApiError, type Api, type Assignment, type Registered } from './api';
import { measureCpu, type CpuReport } from './cpu';
import { mapLimit, sleep } from './pool';
import type { Progress } from './progress';
import { summarise, type Summary } from './stats';

export interface ThroughputOptions {
  agents: number;
  /** Each agent's maxConcurrency: how many tasks it holds and reports per round trip. */
  concurrency: number;
  tasks: number;
  batch: number;
  runId: string;
  serverPid: number | null;
  /** No completion for this long means the run is broken. */
  stallMs: number;
}

export interface ThroughputResult {
  agents: number;
  concurrency: number;
  tasks: number;
  seconds: number;
  tasksPerSecond: number;
  /** From the poll answer that handed the task to an agent until its completion was acknowledged. */
  dispatchToCompleteMs: Summary;
  /** From sending the batch that held the task until its completion was acknowledged. */
  submitToCompleteMs: Summary;
  agentErrors: number;
  /** Agent-side errors by kind ("fetch failed: ECONNRESET", "409 CONFLICT"…). */
  errorKinds: Record<string, number>;
  redeliveries: number;
  foreignTasks: number;
  verified: Record<string, number>;
  cpu: CpuReport;
}

/**
 * HTTP agents looping poll → start → complete (no-op work) while `tasks` tasks are submitted in
 * batches; timed from the first submit until every task is completed. The agent loop does no
 * logging and allocates little: agents and server share the machine's cores.
 */
export async function benchThroughput(
  api: Api,
  adminToken: string,
  opts: ThroughputOptions,
  progress: Progress,
): Promise<ThroughputResult> {
  const setup = progress.bar('agents', opts.agents);
  let heartbeatMs = 5_000;
  let ready = 0;
  const agents = await mapLimit(
    Array.from({ length: opts.agents }, (_, i) => i),
    10,
    async (i) => {
      const a = await api.mutate<Registered>(
        'agents.register',
        {
          name: `bench-${opts.runId}-agent-${i}`,
          capabilities: ['bench'],
          maxConcurrency: opts.concurrency,
          runtime: 'bench',
          labels: { bench: opts.runId },
        },
        adminToken,
      );
      const beat = await api.mutate<{ heartbeatIntervalMs: number }>('agents.heartbeat', { load: 0 }, a.token);
      heartbeatMs = beat.heartbeatIntervalMs;
      setup.update(++ready);
      return a;
    },
  );
  progress.done();

  const submittedIds: string[] = [];
  /** When each batch was sent, by batch number: set before the request, as a task may finish before its answer. */
  const batchSentAt: number[] = [];
  const deliveredAt = new Map<string, number>();
  const completed = new Set<string>();
  const dispatchToComplete: number[] = [];
  const submitToComplete: number[] = [];
  let agentErrors = 0;
  let redeliveries = 0;
  let foreignTasks = 0;
  let stopping = false;
  let lastError = '';
  const errorKinds: Record<string, number> = {};
  const noteError = (err: unknown) => {
    agentErrors++;
    lastError = describe(err);
    errorKinds[lastError] = (errorKinds[lastError] ?? 0) + 1;
  };
  // One controller per poll: fetch leaves its listener on a signal it is given until that aborts.
  const polls = new Set<AbortController>();
  let finish!: () => void;
  const allDone = new Promise<void>((r) => (finish = r));

  /** What the agent sends about the task it holds: a completion, or a hand-back of a foreign task. */
  const report = (a: Assignment) => {
    const lease = { taskId: a.taskId, leaseToken: a.leaseToken };
    const payload = a.payload as { bench?: string; n?: number } | null;
    if (payload?.bench !== opts.runId) {
      // Someone else's task reached a bench agent (a shared server): hand it back untouched.
      return {
        path: 'work.fail',
        input: { ...lease, error: 'bench agent: not a bench task', retryable: true },
        n: null,
      };
    }
    return { path: 'work.complete', input: { ...lease, result: null }, n: payload.n as number };
  };

  const received = (a: Assignment) => {
    if (deliveredAt.has(a.taskId)) redeliveries++;
    deliveredAt.set(a.taskId, performance.now());
  };

  const completedOne = (a: Assignment, n: number, status: unknown) => {
    const now = performance.now();
    if ((status as { status?: string }).status !== 'succeeded' || completed.has(a.taskId)) return;
    completed.add(a.taskId);
    dispatchToComplete.push(now - deliveredAt.get(a.taskId)!);
    submitToComplete.push(now - batchSentAt[Math.floor(n / opts.batch)]);
    if (completed.size === opts.tasks) finish();
  };

  /**
   * Each round trip reports the tasks in hand and polls for the next ones, already started
   * (`work.pollBatch` with `start: true`): one HTTP request per round, as an efficient agent
   * in any language would do with tRPC's batch form.
   */
  const loop = async (agent: Registered) => {
    let lastBeat = performance.now();
    let held: Assignment[] = [];
    while (!stopping) {
      const reports = held.map((a) => ({ a, ...report(a) }));
      const calls: { path: string; input: unknown }[] = reports.map((r) => ({ path: r.path, input: r.input }));
      // Heartbeats ride along on the agent's own requests: a timer burst would open extra sockets.
      const beat = performance.now() - lastBeat >= heartbeatMs;
      if (beat) calls.push({ path: 'agents.heartbeat', input: {} });
      // The answer waits for the poll: with reports aboard it waits briefly, so acknowledgements stay prompt.
      calls.push({
        path: 'work.pollBatch',
        input: { waitMs: reports.length ? 100 : 5_000, max: opts.concurrency, start: true },
      });
      const ac = new AbortController();
      polls.add(ac);
      try {
        const results = await api.batch(calls, agent.token, ac.signal);
        if (beat) lastBeat = performance.now();
        const kept: Assignment[] = [];
        reports.forEach((r, i) => {
          const out = results[i];
          if (out.status === 'fulfilled') {
            if (r.n === null) foreignTasks++;
            else completedOne(r.a, r.n, out.value);
            return;
          }
          noteError(out.reason);
          // A 4xx is final (the lease moved on); anything else is retried with the next request.
          if (!(out.reason instanceof ApiError && out.reason.status < 500)) kept.push(r.a);
        });
        held = kept;
        if (beat && results[calls.length - 2]?.status === 'rejected')
          noteError((results[calls.length - 2] as PromiseRejectedResult).reason);
        const polled = results[calls.length - 1];
        if (polled.status === 'rejected') {
          noteError(polled.reason);
          await sleep(100);
        } else {
          for (const a of (polled.value as { assignments: Assignment[] }).assignments) {
            received(a);
            held.push(a);
          }
          if (held.length > opts.concurrency)
            throw new Error(
              `bench agent: holds ${held.length} tasks, more than its maxConcurrency ${opts.concurrency}`,
            );
        }
      } catch (err) {
        if (stopping) return;
        // Transport failure: the reports are idempotent under their leases and go again.
        noteError(err);
        await sleep(100);
      } finally {
        polls.delete(ac);
      }
    }
  };

  const loops = agents.map(loop);

  const submitBar = progress.bar('submitted', opts.tasks);
  const doneBar = progress.bar('completed', opts.tasks);
  const cpu = measureCpu(opts.serverPid);
  const t0 = performance.now();
  let lastCount = 0;
  let lastProgressAt = t0;
  let stalled = '';
  const watch = setInterval(() => {
    const now = performance.now();
    const rate = completed.size / ((now - t0) / 1000);
    doneBar.update(completed.size, `${Math.round(rate)} tasks/s${agentErrors ? `, ${agentErrors} agent errors` : ''}`);
    if (completed.size !== lastCount) {
      lastCount = completed.size;
      lastProgressAt = now;
    } else if (now - lastProgressAt > opts.stallMs) {
      stalled = `no task completed for ${opts.stallMs / 1000}s (${completed.size}/${opts.tasks} done${lastError ? `; last agent error: ${lastError}` : ''})`;
      finish();
    }
  }, 200);

  let submitError: Error | null = null;
  const submitting = (async () => {
    for (let start = 0; start < opts.tasks; start += opts.batch) {
      const n = Math.min(opts.batch, opts.tasks - start);
      const tasks = Array.from({ length: n }, (_, k) => ({
        title: `bench task ${start + k}`,
        payload: { bench: opts.runId, n: start + k },
        capabilities: ['bench'],
        priority: 'normal',
      }));
      batchSentAt.push(performance.now());
      const { ids } = await api.mutate<{ ids: string[] }>('tasks.submit', { tasks }, adminToken);
      submittedIds.push(...ids);
      submitBar.update(start + n);
    }
  })().catch((err: Error) => {
    submitError = err;
    finish();
  });

  await allDone;
  const seconds = (performance.now() - t0) / 1000;
  const cpuReport = cpu();
  clearInterval(watch);
  doneBar.update(completed.size, `${Math.round(completed.size / seconds)} tasks/s`);
  stopping = true;
  for (const ac of polls) ac.abort();
  await Promise.allSettled([submitting, ...loops]);
  progress.done();
  if (submitError) throw new Error(`submitting tasks failed: ${(submitError as Error).message}`);
  if (stalled) {
    const stuck = submittedIds.filter((id) => !completed.has(id)).slice(0, 5);
    const states = await Promise.all(
      stuck.map((id) =>
        api.query<{ status: string; attempt: number }>('tasks.get', { id }, adminToken).then(
          (t) => `${id} ${t.status} (attempt ${t.attempt})`,
          (err) => `${id} ? (${describe(err)})`,
        ),
      ),
    );
    throw new Error(
      `throughput run stalled: ${stalled}${states.length ? `; not completed: ${states.join(', ')}` : ''}`,
    );
  }

  // Trust, but verify: every task must read back as succeeded.
  const ids = submittedIds;
  const verified: Record<string, number> = {};
  const verifyBar = progress.bar('verify', ids.length);
  let checked = 0;
  await mapLimit(ids, 8, async (id) => {
    const t = await api.query<{ status: string }>('tasks.get', { id }, adminToken);
    verified[t.status] = (verified[t.status] ?? 0) + 1;
    if (++checked % 50 === 0 || checked === ids.length) verifyBar.update(checked);
  });
  await mapLimit(agents, 8, (a) => api.mutate('agents.deregister', {}, a.token).catch(() => undefined));
  progress.done();

  return {
    agents: opts.agents,
    concurrency: opts.concurrency,
    tasks: opts.tasks,
    seconds: Math.round(seconds * 100) / 100,
    tasksPerSecond: Math.round((opts.tasks / seconds) * 10) / 10,
    dispatchToCompleteMs: summarise(dispatchToComplete),
    submitToCompleteMs: summarise(submitToComplete),
    agentErrors,
    errorKinds,
    redeliveries,
    foreignTasks,
    verified,
    cpu: cpuReport,
  };
}

/** "409 CONFLICT" for an API error, "fetch failed: ECONNRESET" for a transport error. */
function describe(err: unknown): string {
  if (err instanceof ApiError) return `${err.status} ${err.code}`;
  const e = err as Error & { cause?: { code?: string; message?: string } };
  return `${e.message}${e.cause ? `: ${e.cause.code ?? e.cause.message}` : ''}`;
}
