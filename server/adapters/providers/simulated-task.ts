import type { SimulatedAgent } from './simulated-agent';
import type { SimulatedAssignment } from './simulated-host';

const PHASES = [
  'reading the code',
  'making changes',
  'running the tests',
  'fixing what the tests found',
  'writing the summary',
];

/**
 * Works one task the way a coding agent does: progress steps over a random duration, now and
 * then a question for the operator or a rate limit from the model provider (the task goes back
 * and polling pauses until the limit lifts), then a result or a retryable failure.
 */
export async function runSimulatedTask(agent: SimulatedAgent, task: SimulatedAssignment): Promise<void> {
  const { settings, deps } = agent;
  // Always the same draws in the same order, so a seeded run replays exactly.
  const durationMs = settings.latencyMs.min + deps.random() * (settings.latencyMs.max - settings.latencyMs.min);
  const chunks = settings.progressSteps + 1;
  const rateLimitAt = deps.random() < settings.rateLimitRate ? Math.floor(deps.random() * chunks) : -1;
  const askAt = deps.random() < settings.waitingForInputRate ? Math.floor(deps.random() * chunks) : -1;
  const fails = deps.random() < settings.failureRate;

  agent.active++;
  agent.setActivity({ state: 'working', detail: task.title });
  agent.note(`took ${task.taskId}: ${task.title}`);
  try {
    for (let chunk = 0; chunk < chunks; chunk++) {
      if (chunk === askAt && !(await waitForAnswer(agent, task))) return await handBack(agent, task, 'agent stopping');
      await agent.sleep(durationMs / chunks, agent.abandon.signal);
      if (agent.abandon.signal.aborted) return await handBack(agent, task, 'agent stopping');
      if (chunk === rateLimitAt) return await rateLimited(agent, task);
      if (chunk === chunks - 1) break;
      const step = chunk + 1;
      const message = `step ${step}/${settings.progressSteps}: ${PHASES[chunk % PHASES.length]}`;
      const percent = Math.round((step / chunks) * 100);
      // A refused progress report means the lease is gone (cancelled, expired): stop working on it.
      if (
        !(await call(agent, 'progress', () =>
          agent.host().progress(agent.spec.agentId, { ...lease(task), message, percent }),
        ))
      )
        return;
    }
    agent.addContext(settings.contextPerTask);
    if (fails) {
      agent.note(`failed ${task.taskId}`);
      await call(agent, 'fail', () =>
        agent.host().fail(agent.spec.agentId, {
          ...lease(task),
          error: 'simulated failure: the tests did not pass',
          retryable: true,
        }),
      );
    } else {
      agent.note(`completed ${task.taskId} in ${Math.round(durationMs)} ms`);
      const summary = `simulated: "${task.title}" done in ${Math.round(durationMs)} ms`;
      await call(agent, 'complete', () =>
        agent.host().complete(agent.spec.agentId, { ...lease(task), result: { summary } }),
      );
    }
  } finally {
    agent.active--;
    if (agent.activity.state === 'working' && agent.active === 0) agent.setActivity({ state: 'idle' });
  }
}

/** Asks the operator something and waits; false when the agent was stopped meanwhile. */
async function waitForAnswer(agent: SimulatedAgent, task: SimulatedAssignment): Promise<boolean> {
  agent.note(`waiting for input on ${task.taskId}`);
  agent.setActivity(
    { state: 'waiting-for-input', detail: `question: should "${task.title}" also update the docs?` },
    true,
  );
  await agent.sleep(agent.settings.waitingForInputMs, agent.abandon.signal);
  if (agent.abandon.signal.aborted) return false;
  agent.setActivity({ state: 'working', detail: task.title }, true);
  return true;
}

async function rateLimited(agent: SimulatedAgent, task: SimulatedAssignment): Promise<void> {
  const resetAt = agent.deps.clock.now() + agent.settings.rateLimitMs;
  agent.pausedUntil = Math.max(agent.pausedUntil, resetAt);
  const until = new Date(resetAt).toISOString();
  agent.note(`rate limited until ${until}: handing back ${task.taskId}`);
  agent.setActivity({ state: 'rate-limited', detail: 'model provider rate limit', resetAt }, true);
  await handBack(agent, task, `rate limited until ${until}`);
}

async function handBack(agent: SimulatedAgent, task: SimulatedAssignment, reason: string): Promise<void> {
  agent.note(`released ${task.taskId}: ${reason}`);
  await call(agent, 'release', () => agent.host().release(agent.spec.agentId, { ...lease(task), reason }));
}

/** Runs a host call; a refusal is noted in the agent's log, not thrown. */
async function call(agent: SimulatedAgent, what: string, fn: () => Promise<unknown>): Promise<boolean> {
  try {
    await fn();
    return true;
  } catch (e) {
    agent.note(`${what} refused: ${(e as Error).message}`);
    return false;
  }
}

function lease(task: SimulatedAssignment) {
  return { taskId: task.taskId, leaseToken: task.leaseToken };
}
