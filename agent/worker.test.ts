import { describe, expect, it } from 'vitest';
import { ApiClient } from './client';
import { ADMIN_TOKEN, quietLogger, testWorkerOptions, waitFor } from './testing/test-server';
import { useWorkerTestbed } from './testing/worker-testbed';
import { runWorker } from './worker';
import type { AgentSelf } from './worker-types';

const bed = useWorkerTestbed();
const startWorker = bed.startWorker;
type Options = Parameters<typeof testWorkerOptions>[1];

async function submit(title: string, capabilities: string[], extra: Record<string, unknown> = {}): Promise<string> {
  const { ids } = await bed.server.admin.mutate<{ ids: string[] }>('tasks.submit', { title, capabilities, ...extra });
  return ids[0];
}

const taskIn =
  (id: string, ...states: string[]) =>
  async () => {
    const task = await bed.server.admin.query<{ status: string; result: any }>('tasks.get', { id });
    return states.includes(task.status) && task;
  };

const detail = (id: string) =>
  bed.server.admin.query<{ attempts: any[]; progress: { message: string; percent: number | null }[] }>('tasks.detail', {
    id,
  });

describe('agent worker against a real server over HTTP', () => {
  it('runs a shell task to success, its output streamed as progress', async () => {
    const worker = startWorker({
      name: 'w-shell-ok',
      adapter: 'shell',
      capabilities: ['shell-ok'],
      shellCommand: `echo working on {title}; echo "::progress 50 halfway"; echo "stdin: $(cat)"; echo '::result {"ok":true}'`,
    });
    const id = await submit("fix the 'quotes' bug", ['shell-ok']);
    const task = await waitFor('the task to succeed', taskIn(id, 'succeeded'));
    expect(task.result).toEqual({ ok: true });
    const { progress } = await detail(id);
    const text = progress.map((p) => p.message).join('\n');
    expect(text).toContain("working on fix the 'quotes' bug");
    expect(text).toContain(`"taskId":"${id}"`);
    expect(progress.some((p) => p.percent === 50)).toBe(true);
    expect(await worker.stop()).toEqual({ code: 0, reason: 'drained' });
  });

  it('fails the attempt when the command fails, with its last output as the error', async () => {
    const worker = startWorker({
      name: 'w-shell-fail',
      adapter: 'shell',
      capabilities: ['shell-fail'],
      shellCommand: 'echo "compiling"; echo "error: boom" >&2; exit 3',
    });
    const id = await submit('break', ['shell-fail'], { maxAttempts: 1 });
    await waitFor('the task to fail', taskIn(id, 'failed', 'dead-lettered'));
    const { attempts } = await detail(id);
    expect(attempts[0]).toMatchObject({ status: 'failed' });
    expect(attempts[0].error).toBe('exit code 3: error: boom');
    await worker.stop();
  });

  it('fails the task for good, saying why, when the server refuses its result as too large', async () => {
    const big = `printf '::result {"blob":"%s"}\\n' "$(head -c 1200000 /dev/zero | tr '\\0' x)"`;
    const worker = startWorker({
      name: 'w-shell-big',
      adapter: 'shell',
      capabilities: ['shell-big'],
      shellCommand: big,
    });
    const id = await submit('too much output', ['shell-big'], { maxAttempts: 3 });
    const task = await waitFor('the task to fail', taskIn(id, 'failed', 'dead-lettered'));
    expect(task.status).toBe('failed');
    const { attempts } = await detail(id);
    expect(attempts).toHaveLength(1);
    expect(attempts[0].error).toMatch(/^the server refused the task's result: .*result/);
    await worker.stop();
  });

  it('resumes the claude session on the next task, and gets it back after a restart', async () => {
    const claude = await bed.fakes.install('claude', ['claude-success.jsonl']);
    const { agentId, token } = await bed.server.admin.mutate<{ agentId: string; token: string }>('agents.register', {
      name: 'w-claude',
      capabilities: ['claude-resume'],
    });
    const options: Options = {
      name: 'w-claude',
      adapter: 'claude',
      token,
      cliPath: claude.path,
      capabilities: ['claude-resume'],
    };
    let worker = startWorker(options);
    const first = await submit('first', ['claude-resume']);
    expect((await waitFor('the first task', taskIn(first, 'succeeded'))).result).toMatchObject({
      summary: 'Done: `greet(name)` is in src/greeting.ts.',
      sessionId: '6b1f3c2e-8d4a-4f0b-9e57-2c9a1d7e4b10',
    });
    const second = await submit('second', ['claude-resume']);
    await waitFor('the second task', taskIn(second, 'succeeded'));
    // The heartbeat told the server the session: a restarted worker reads it from agents.me.
    await waitFor(
      'the session on the server',
      async () =>
        (await bed.server.admin.query<AgentSelf>('agents.get', { id: agentId })).sessionId ===
        '6b1f3c2e-8d4a-4f0b-9e57-2c9a1d7e4b10',
    );
    await worker.stop();
    worker = startWorker(options);
    const third = await submit('third', ['claude-resume']);
    await waitFor('the third task', taskIn(third, 'succeeded'));
    await worker.stop();

    const runs = (await claude.runs()).map((r) => r.argv);
    expect(runs).toHaveLength(3);
    expect(runs[0]).not.toContain('--resume');
    expect(runs[0]).toEqual(['-p', 'first', '--output-format', 'stream-json', '--verbose']);
    for (const run of runs.slice(1))
      expect(run.slice(run.indexOf('--resume'), run.indexOf('--resume') + 2)).toEqual([
        '--resume',
        '6b1f3c2e-8d4a-4f0b-9e57-2c9a1d7e4b10',
      ]);
    const agent = await bed.server.admin.query<AgentSelf>('agents.get', { id: agentId });
    expect(agent).toMatchObject({ contextWindow: 200_000 });
    expect(agent.contextUsed).toBeGreaterThan(0);
  });

  it('starts a fresh session when the CLI does not know the one it was given', async () => {
    const claude = await bed.fakes.install('claude', ['claude-session-not-found.jsonl', 'claude-success.jsonl']);
    const { agentId, token } = await bed.server.admin.mutate<{ agentId: string; token: string }>('agents.register', {
      name: 'w-lost-session',
      capabilities: ['lost-session'],
    });
    // A session from another machine, as agents.me would hand it to a moved agent.
    await new ApiClient({ url: bed.server.url, token }).mutate('agents.heartbeat', {
      sessionId: '11111111-2222-3333-4444-555555555555',
    });
    const worker = startWorker({
      name: 'w-lost-session',
      adapter: 'claude',
      token,
      cliPath: claude.path,
      capabilities: ['lost-session'],
    });
    const id = await submit('resume me', ['lost-session']);
    await waitFor('the task to succeed', taskIn(id, 'succeeded'));
    const runs = (await claude.runs()).map((r) => r.argv);
    expect(runs[0]).toContain('11111111-2222-3333-4444-555555555555');
    expect(runs[1]).not.toContain('--resume');
    await waitFor(
      'the new session on the server',
      async () =>
        (await bed.server.admin.query<AgentSelf>('agents.get', { id: agentId })).sessionId ===
        '6b1f3c2e-8d4a-4f0b-9e57-2c9a1d7e4b10',
    );
    await worker.stop();
  });

  it('runs --concurrency tasks at the same time', async () => {
    const worker = startWorker({
      name: 'w-two',
      adapter: 'shell',
      capabilities: ['two'],
      concurrency: 2,
      shellCommand: 'sleep 0.5; echo {taskId}',
    });
    const ids = await Promise.all(['a', 'b'].map((t) => submit(t, ['two'])));
    for (const id of ids) await waitFor(`task ${id}`, taskIn(id, 'succeeded'));
    const [a, b] = await Promise.all(ids.map(async (id) => (await detail(id)).attempts[0]));
    expect(a.agentName).toBe('w-two');
    expect(b.agentName).toBe('w-two');
    expect(Math.max(a.startedAt, b.startedAt)).toBeLessThan(Math.min(a.finishedAt, b.finishedAt));
    await worker.stop();
  });

  it('drains on stop: a long task is killed after the drain timeout, released, and goes straight to another agent', async () => {
    const claude = await bed.fakes.install('claude', ['claude-slow.jsonl']);
    const worker = startWorker({
      name: 'w-drain',
      adapter: 'claude',
      cliPath: claude.path,
      capabilities: ['slow'],
      drainTimeoutMs: 300,
    });
    const id = await submit('slow build', ['slow']);
    await waitFor('the task to show progress', async () =>
      (await detail(id)).progress.some((p) => p.message.includes('▸ Bash npm run build')),
    );
    const rescuer = startWorker({
      name: 'w-rescuer',
      adapter: 'shell',
      capabilities: ['slow'],
      shellCommand: 'echo rescued',
    });
    await waitFor('the rescuer to be idle', async () =>
      (
        await bed.server.admin.query<{ items: any[] }>('agents.list', { search: 'w-rescuer', includeTerminated: true })
      ).items.some((a) => a.name === 'w-rescuer' && a.status === 'idle'),
    );
    const stoppedAt = Date.now();
    expect(await worker.stop()).toEqual({ code: 0, reason: 'drained' });
    expect(Date.now() - stoppedAt).toBeLessThan(8_000);
    await waitFor('the rescuer to finish the task', taskIn(id, 'succeeded'));
    // The stopping agent is held out of routing: the task did not go back to it (and wait out its accept deadline).
    const attempts = (await detail(id)).attempts;
    expect(attempts.map((a) => [a.agentName, a.status])).toEqual([
      ['w-drain', 'released'],
      ['w-rescuer', 'succeeded'],
    ]);
    expect(attempts[0].error).toBe('agent draining');
    // Drained, it said goodbye: stopped at once, not left to go unhealthy and then offline.
    const drained = (
      await bed.server.admin.query<{ items: any[] }>('agents.list', { search: 'w-drain', includeTerminated: true })
    ).items.find((a) => a.name === 'w-drain');
    expect(drained).toMatchObject({ status: 'stopped', activity: null, hold: null });
    await rescuer.stop();
  }, 60_000);

  it('stops cleanly when an operator terminates its agent: the running CLI is stopped and the task runs elsewhere', async () => {
    const worker = startWorker({
      name: 'w-terminated',
      adapter: 'shell',
      capabilities: ['term'],
      shellCommand: 'echo started; sleep 30',
      drainTimeoutMs: 60_000,
    });
    const id = await submit('terminated under it', ['term']);
    await waitFor('the task to run', async () =>
      (await detail(id)).progress.some((p) => p.message.includes('started')),
    );
    const agent = (
      await bed.server.admin.query<{ items: any[] }>('agents.list', { search: 'w-terminated', includeTerminated: true })
    ).items.find((a) => a.name === 'w-terminated');
    const terminatedAt = Date.now();
    await bed.server.admin.mutate('agents.terminate', { id: agent.id });
    expect(await worker.done).toEqual({ code: 0, reason: 'terminated by the server' });
    expect(Date.now() - terminatedAt).toBeLessThan(10_000); // not the 60 s drain timeout: its work is already requeued
    expect((await detail(id)).attempts[0]).toMatchObject({ agentName: 'w-terminated', status: 'lost' });
    expect(await bed.server.admin.query('tasks.get', { id })).toMatchObject({ status: 'queued' });
  }, 30_000);

  it('rides out a server outage (503 + Retry-After) and completes the task when it is back', async () => {
    const worker = startWorker({
      name: 'w-outage',
      adapter: 'shell',
      capabilities: ['outage'],
      shellCommand: 'echo done',
    });
    const id = await submit('through the outage', ['outage']);
    bed.server.state.unavailable = true;
    const before = bed.server.state.requests;
    await waitFor('the worker to retry', async () => bed.server.state.requests > before + 1, 5_000);
    bed.server.state.unavailable = false;
    await waitFor('the task to succeed', taskIn(id, 'succeeded'));
    expect(await worker.stop()).toMatchObject({ code: 0 });
  });

  it('exits 1 when the token is refused', async () => {
    const exit = await runWorker(
      testWorkerOptions(bed.server.url, {
        name: 'w-bad',
        adapter: 'shell',
        shellCommand: 'true',
        token: 'fda_not-a-real-token',
      }),
      new AbortController().signal,
      { logger: quietLogger },
    );
    expect(exit).toEqual({
      code: 1,
      reason: 'the token was refused (401): it is wrong, was revoked, or the agent was terminated',
    });
  });

  it('registers with an enrolment token under its name, runtime and capabilities', async () => {
    const worker = startWorker({
      name: 'w-enrol',
      adapter: 'shell',
      shellCommand: 'true',
      capabilities: ['enrol-a', 'enrol-b'],
      token: ADMIN_TOKEN,
    });
    const agent = await waitFor('the agent to register', async () =>
      (
        await bed.server.admin.query<{ items: any[] }>('agents.list', { search: 'w-enrol', includeTerminated: true })
      ).items.find((a) => a.name === 'w-enrol'),
    );
    expect(agent).toMatchObject({ runtime: 'shell' });
    expect(JSON.stringify(agent.capabilities)).toContain('enrol-b');
    await worker.stop();
  });
});
