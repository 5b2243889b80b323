import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitWithin, flightdeckAgent as flightdeck } from './testing/agent-process';
import { ADMIN_TOKEN, startTestServer, type TestServer, waitFor } from './testing/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const signal = (child: ChildProcess, sig: NodeJS.Signals) => child.kill(sig);

describe('flightdeck agent (the command)', () => {
  it('prints help, and exits 2 naming a bad flag', async () => {
    const help = flightdeck(['--help']);
    expect(await help.exited).toBe(0);
    expect(help.out()).toContain('Usage: flightdeck agent --url URL --token TOKEN --adapter NAME');
    const bad = flightdeck(['--url', 'http://x', '--token', 't', '--adapter', 'shell', '--concurrency', '0']);
    expect(await bad.exited).toBe(2);
    expect(bad.err()).toContain('--concurrency: must be at least 1');
  });

  it('runs from the environment alone, completes a task, and exits 0 on SIGTERM', async () => {
    const run = flightdeck(['--log-level', 'warn'], {
      FLIGHTDECK_URL: server.url,
      FLIGHTDECK_TOKEN: ADMIN_TOKEN,
      FLIGHTDECK_ADAPTER: 'shell',
      FLIGHTDECK_CAPABILITIES: 'cli-env',
      FLIGHTDECK_AGENT_NAME: 'cli-env',
      FLIGHTDECK_SHELL_COMMAND: 'echo "from the CLI: $FLIGHTDECK_TASK_TITLE"',
    });
    const {
      ids: [id],
    } = await server.admin.mutate<{ ids: string[] }>('tasks.submit', { title: 'env task', capabilities: ['cli-env'] });
    await waitFor(
      'the task to succeed',
      async () => (await server.admin.query<{ status: string }>('tasks.get', { id })).status === 'succeeded',
      20_000,
    );
    signal(run.child, 'SIGTERM');
    expect(await exitWithin(run.exited, 10_000)).toBe(0);
  }, 30_000);

  it('stops at once on a second signal, handing the running task back', async () => {
    const run = flightdeck([
      '--url',
      server.url,
      '--token',
      ADMIN_TOKEN,
      '--adapter',
      'shell',
      '--capabilities',
      'cli-slow',
      '--name',
      'cli-slow',
      '--drain-timeout',
      '60',
      '--log-level',
      'warn',
      '--command',
      'echo started; sleep 30',
    ]);
    const {
      ids: [id],
    } = await server.admin.mutate<{ ids: string[] }>('tasks.submit', { title: 'slow', capabilities: ['cli-slow'] });
    await waitFor(
      'the task to start',
      async () => (await server.admin.query<{ progress: unknown[] }>('tasks.detail', { id })).progress.length > 0,
      20_000,
    );
    signal(run.child, 'SIGINT');
    await new Promise((r) => setTimeout(r, 1200)); // a signal within a second counts as the same one
    expect(run.child.exitCode).toBeNull(); // draining: the task may still finish
    signal(run.child, 'SIGINT');
    expect(await exitWithin(run.exited, 8_000)).toBe(0);
    const { attempts } = await server.admin.query<{ attempts: { status: string; error: string }[] }>('tasks.detail', {
      id,
    });
    expect(attempts[0]).toMatchObject({ status: 'released', error: 'agent draining' });
  }, 40_000);

  it('lets a running task finish when its process group gets SIGTERM (a pool stopping it)', async () => {
    const run = flightdeck(
      [
        '--url',
        server.url,
        '--token',
        ADMIN_TOKEN,
        '--adapter',
        'shell',
        '--capabilities',
        'cli-group',
        '--name',
        'cli-group',
        '--drain-timeout',
        '60',
        '--log-level',
        'warn',
        '--command',
        'echo started; sleep 2; echo finished',
      ],
      {},
      true,
    );
    const {
      ids: [id],
    } = await server.admin.mutate<{ ids: string[] }>('tasks.submit', {
      title: 'finish me',
      capabilities: ['cli-group'],
    });
    await waitFor(
      'the task to start',
      async () => (await server.admin.query<{ progress: unknown[] }>('tasks.detail', { id })).progress.length > 0,
      20_000,
    );
    process.kill(-run.child.pid!, 'SIGTERM'); // the worker gets it twice: from the group and forwarded
    expect(await exitWithin(run.exited, 15_000)).toBe(0);
    expect((await server.admin.query<{ status: string }>('tasks.get', { id })).status).toBe('succeeded');
  }, 40_000);
});
