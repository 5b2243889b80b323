import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '@/bench/lib/api';
import { startBuiltServer, type BuiltServer } from '@/server/testing/built-server';

const AGENT = path.join(import.meta.dirname, 'python_agent.py');
// A failing prompt exits 3; any other prints a progress line and echoes the prompt.
const COMMAND =
  'if [ "$FLIGHTDECK_TASK_PROMPT" = fail ]; then echo "boom" >&2; exit 3; fi; echo "::progress 50 halfway"; echo "done: $FLIGHTDECK_TASK_PROMPT"';

let server: BuiltServer;
let api: Api;
let agent: ChildProcess;
let agentLog = '';

type Task = {
  id: string;
  status: string;
  result: { output?: string } | null;
  error: string | null;
  agentId: string | null;
};

async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: T = await read();
  while (!ok(last)) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last seen ${JSON.stringify(last)}\nagent log:\n${agentLog}`);
    await sleep(200);
    last = await read();
  }
  return last;
}

beforeAll(async () => {
  server = await startBuiltServer();
  api = new Api(server.url);
  agent = spawn(
    'python3',
    [
      AGENT,
      '--url',
      server.url,
      '--token',
      server.token,
      '--name',
      'py-agent',
      '--capabilities',
      'python',
      '--command',
      COMMAND,
      '--drain-timeout',
      '5',
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  agent.stdout!.on('data', (c: Buffer) => (agentLog += c));
  agent.stderr!.on('data', (c: Buffer) => (agentLog += c));
}, 180_000);

afterAll(async () => {
  agent?.kill('SIGKILL');
  await server?.stop();
});

describe('the stdlib-only Python agent', () => {
  it('registers, heartbeats and completes a task with its output and progress', async () => {
    const { ids } = await api.mutate<{ ids: string[] }>(
      'tasks.submit',
      { title: 'say hello', payload: { prompt: 'hello from python' }, capabilities: ['python'] },
      server.token,
    );
    const task = await until(
      'the task to succeed',
      () => api.query<Task>('tasks.get', { id: ids[0] }, server.token),
      (t) => t.status === 'succeeded',
    );
    expect(task.result?.output).toContain('done: hello from python');
    const detail = await api.query<{ progress: { message: string; percent: number | null }[] }>(
      'tasks.detail',
      { id: ids[0] },
      server.token,
    );
    expect(detail.progress).toContainEqual(expect.objectContaining({ message: 'halfway', percent: 50 }));
    const { items: agents } = await api.query<{
      items: { name: string; runtime: string; lastHeartbeatAt: number | null }[];
    }>('agents.list', { search: 'py-agent' }, server.token);
    expect(agents.find((a) => a.name === 'py-agent')).toMatchObject({
      runtime: 'python',
      lastHeartbeatAt: expect.any(Number),
    });
  });

  it('fails a task whose command fails, with the exit code and its last lines', async () => {
    const { ids } = await api.mutate<{ ids: string[] }>(
      'tasks.submit',
      { title: 'break', payload: { prompt: 'fail' }, capabilities: ['python'], maxAttempts: 1 },
      server.token,
    );
    const task = await until(
      'the task to be dead-lettered',
      () => api.query<Task>('tasks.get', { id: ids[0] }, server.token),
      (t) => t.status === 'dead-lettered',
    );
    expect(task.error).toMatch(/exit code 3: boom/);
  });

  it('stops cleanly on SIGTERM: says goodbye, so the server shows it stopped at once', async () => {
    const exited = new Promise<number | null>((resolve) => agent.on('exit', (code) => resolve(code)));
    agent.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(agentLog).toContain('said goodbye');
    const { items: agents } = await api.query<{ items: { name: string; status: string }[] }>(
      'agents.list',
      { search: 'py-agent' },
      server.token,
    );
    expect(agents.find((a) => a.name === 'py-agent')?.status).toBe('stopped');
  });
});
