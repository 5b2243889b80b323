import { ApiError, type Api, type Assignment, type Registered } from './api';
import { measureCpu, type CpuReport } from './cpu';
import { mapLimit, sleep } from './pool';
import type { Progress } from './progress';
import { summarise, type Summary } from './stats';

export interface ThroughputOptions {
  agents: number;
  tasks: number;
  batch: number;
  runId: string;
  serverPid: number | null;
  /** No completion for this long means the run is broken. */
  stallMs: number;
}

export interface ThroughputResult {
  agents: number;
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
export async function benchThroughput(api: Api, adminToken: string, opts: ThroughputOptions, progress: Progress): Promise<ThroughputResult> {
  const setup = progress.bar('agents', opts.agents);
  let heartbeatMs = 5_000;
  let ready = 0;
  const agents = await mapLimit(Array.from({ length: opts.agents }, (_, i) => i), 10, async (i) => {
    const a = await api.mutate<Registered>('agents.register', {
      name: `bench-${opts.runId}-agent-${i}`, capabilities: ['bench'], maxConcurrency: 1, runtime: 'bench', labels: { bench: opts.runId },
    }, adminToken);
    const beat = await api.mutate<{ heartbeatIntervalMs: number }>('agents.heartbeat', { load: 0 }, a.token);
    heartbeatMs = beat.heartbeatIntervalMs;
    setup.update(++ready);
    return a;
  });
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

  const work = async (agent: Registered, a: Assignment) => {
    const lease = { taskId: a.taskId, leaseToken: a.leaseToken };
    const n = (a.payload as { bench?: string; n?: number } | null)?.bench === opts.runId ? (a.payload as { n: number }).n : null;
    if (n === null) {
      // Someone else's task reached a bench agent (a shared server): hand it back untouched.
      foreignTasks++;
      await api.mutate('work.fail', { ...lease, error: 'bench agent: not a bench task', retryable: true }, agent.token);
      return;
    }
    const delivered = performance.now();
    if (deliveredAt.has(a.taskId)) redeliveries++;
    deliveredAt.set(a.taskId, delivered);
    // Both are idempotent under the lease: a real agent retries them when the connection drops.
    await retry(() => api.mutate('work.start', lease, agent.token), noteError);
    const r = await retry(() => api.mutate<{ status: string }>('work.complete', { ...lease, result: null }, agent.token), noteError);
    const now = performance.now();
    if (r.status !== 'succeeded' || completed.has(a.taskId)) return;
    completed.add(a.taskId);
    dispatchToComplete.push(now - delivered);
    submitToComplete.push(now - batchSentAt[Math.floor(n / opts.batch)]);
    if (completed.size === opts.tasks) finish();
  };

  const loop = async (agent: Registered) => {
    let lastBeat = performance.now();
    while (!stopping) {
      // Heartbeats go between polls on the agent's own connection: a burst of a hundred on a
      // timer would open as many extra sockets every few seconds.
      if (performance.now() - lastBeat >= heartbeatMs) {
        lastBeat = performance.now();
        await api.mutate('agents.heartbeat', {}, agent.token).catch(noteError);
      }
      const ac = new AbortController();
      polls.add(ac);
      try {
        const a = await api.mutate<Assignment | null>('work.poll', { waitMs: 5_000 }, agent.token, ac.signal);
        polls.delete(ac);
        if (a) await work(agent, a);
      } catch (err) {
        if (stopping) return;
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
        title: `bench task ${start + k}`, payload: { bench: opts.runId, n: start + k }, capabilities: ['bench'], priority: 'normal',
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
    const states = await Promise.all(stuck.map((id) => api.query<{ status: string; attempt: number }>('tasks.get', { id }, adminToken)
      .then((t) => `${id} ${t.status} (attempt ${t.attempt})`, (err) => `${id} ? (${describe(err)})`)));
    throw new Error(`throughput run stalled: ${stalled}${states.length ? `; not completed: ${states.join(', ')}` : ''}`);
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

/** Retries transport failures and 5xx answers with a short backoff; a 4xx answer is final. */
async function retry<T>(fn: () => Promise<T>, onError: (err: unknown) => void, attempts = 6): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      const final = (err instanceof ApiError && err.status < 500) || i >= attempts;
      if (final) throw err;
      onError(err);
      await sleep(25 * 2 ** i);
    }
  }
}
