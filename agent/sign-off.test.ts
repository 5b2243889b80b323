import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitWithin, flightdeckAgent } from './testing/agent-process';
import { ADMIN_TOKEN, startTestServer, type TestServer, waitFor } from './testing/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ FLIGHTDECK_AUTOSCALE_INTERVAL_MS: '500' });
});
afterAll(() => server?.close());

interface AgentRow {
  id: string;
  name: string;
  status: string;
}
const agentNamed = async (name: string) =>
  (
    await server.admin.query<{ items: AgentRow[] }>('agents.list', { search: name, includeTerminated: true })
  ).items.find((a) => a.name === name);
const submit = async (title: string, capability: string) =>
  (await server.admin.mutate<{ ids: string[] }>('tasks.submit', { title, capabilities: [capability] })).ids[0];
const taskStatus = async (id: string) => (await server.admin.query<{ status: string }>('tasks.get', { id })).status;
const attempts = async (id: string) =>
  (await server.admin.query<{ attempts: { agentName: string; status: string }[] }>('tasks.detail', { id })).attempts;

function worker(name: string, capability: string, command: string) {
  return flightdeckAgent([
    '--url',
    server.url,
    '--token',
    ADMIN_TOKEN,
    '--adapter',
    'shell',
    '--name',
    name,
    '--capabilities',
    capability,
    '--drain-timeout',
    '1',
    '--log-level',
    'info',
    '--command',
    command,
  ]);
}

describe('a worker stopping cleanly says goodbye', () => {
  it('SIGTERM: the agent shows stopped as soon as the worker exits, its task runs elsewhere, and a restart brings it back', async () => {
    const run = worker('bye-1', 'bye-term', 'echo started; sleep 30');
    const id = await submit('outlives its agent', 'bye-term');
    await waitFor(
      'the task to run',
      async () => (await server.admin.query<{ progress: unknown[] }>('tasks.detail', { id })).progress.length > 0,
      20_000,
    );
    run.child.kill('SIGTERM');
    expect(await exitWithin(run.exited, 15_000)).toBe(0);
    // No waiting for the heartbeat sweep: stopped now, and the task it handed back is queued.
    expect(await agentNamed('bye-1')).toMatchObject({ status: 'stopped' });
    expect(await taskStatus(id)).toBe('queued');
    expect(run.err()).toContain('"msg":"signed off"');

    const rescuer = worker('bye-rescuer', 'bye-term', 'echo rescued');
    await waitFor('another agent to finish the task', async () => (await taskStatus(id)) === 'succeeded', 20_000);
    expect((await attempts(id)).map((a) => [a.agentName, a.status])).toEqual([
      ['bye-1', 'released'],
      ['bye-rescuer', 'succeeded'],
    ]);
    rescuer.child.kill('SIGTERM');
    expect(await exitWithin(rescuer.exited, 15_000)).toBe(0);

    const again = worker('bye-1', 'bye-again', 'echo back');
    await waitFor('the agent to come back', async () => (await agentNamed('bye-1'))?.status === 'idle', 20_000);
    const next = await submit('after the restart', 'bye-again');
    await waitFor('it to run a task again', async () => (await taskStatus(next)) === 'succeeded', 20_000);
    again.child.kill('SIGTERM');
    expect(await exitWithin(again.exited, 15_000)).toBe(0);
    expect(await agentNamed('bye-1')).toMatchObject({ status: 'stopped' });
  }, 90_000);

  it('a process pool that puts its agent to sleep keeps it sleeping, though its worker signs off, and wakes it for work', async () => {
    const pool = await server.admin.mutate<{ id: string }>('pools.create', {
      name: 'bye-pool',
      capabilities: ['bye-pool'],
      provider: 'process',
      adapter: 'shell',
      providerSettings: { command: 'echo pooled' },
      minSize: 1,
      maxSize: 1,
      targetBacklogPerAgent: 1,
      idleTimeoutMs: 1_000,
      scaleUpCooldownMs: 0,
      scaleDownCooldownMs: 0,
    });
    // Started for the pool's minimum, then idle past its timeout: put to sleep, its worker stopped.
    const agent = await waitFor(
      'the pool agent to sleep',
      async () => {
        const a = await agentNamed('bye-pool-1');
        return a?.status === 'sleeping' && a;
      },
      40_000,
    );
    const logs = () => server.admin.query<{ logs: string }>('agents.logs', { id: agent.id }).then((r) => r.logs);
    await waitFor('its worker to exit', async () => (await logs()).includes('worker exited (code 0)'), 20_000);
    const goodbye = (await logs()).split('\n').find((line) => line.includes('"msg":"signed off"'));
    expect(goodbye && JSON.parse(goodbye)).toMatchObject({ status: 'sleeping' });
    expect(await agentNamed('bye-pool-1')).toMatchObject({ status: 'sleeping' });

    const id = await submit('wake the pool', 'bye-pool');
    await waitFor('the woken agent to run the task', async () => (await taskStatus(id)) === 'succeeded', 40_000);
    expect((await attempts(id)).map((a) => a.agentName)).toEqual(['bye-pool-1']);
    await server.admin.mutate('pools.remove', { id: pool.id });
  }, 120_000);
});
