import { describe, expect, it } from 'vitest';
import { waitFor } from './testing/test-server';
import { useWorkerTestbed } from './testing/worker-testbed';

const bed = useWorkerTestbed({ fakesOnPath: true });
const startWorker = bed.startWorker;

const agentNamed = async (name: string) =>
  (await bed.server.admin.query<{ items: any[] }>('agents.list', { search: name, includeTerminated: true })).items.find(
    (a) => a.name === name,
  );
const detail = (id: string) =>
  bed.server.admin.query<{ task: { status: string }; attempts: any[]; decisions: any[] }>('tasks.detail', { id });

describe('a rate-limited CLI', () => {
  it('parks its agent until the reset time and the task moves to another capable agent', async () => {
    // The first claude run hits the usage limit (resetsAt = replay time + 1 h), the next succeeds.
    const claude = await bed.fakes.install('claude', ['claude-usage-limit.jsonl', 'claude-success.jsonl']);
    const a = startWorker({ name: 'rl-a', adapter: 'claude', capabilities: ['rl'] });
    await waitFor('agent a', () => agentNamed('rl-a'));
    const {
      ids: [id],
    } = await bed.server.admin.mutate<{ ids: string[] }>('tasks.submit', { title: 'greet', capabilities: ['rl'] });
    const hitAt = Date.now();

    const parked = await waitFor('agent a to be parked', async () => {
      const agent = await agentNamed('rl-a');
      return agent?.parkedUntil && agent;
    });
    expect(Math.abs(parked.parkedUntil - (hitAt + 3_600_000))).toBeLessThan(10_000);
    expect(parked.activity).toMatchObject({ state: 'rate-limited', detail: 'claude five_hour limit reached' });
    const released = await waitFor('the task to be handed back', async () => {
      const d = await detail(id);
      return d.attempts[0]?.status === 'released' && d;
    });
    expect(released.attempts[0].error).toBe(`rate-limited until ${new Date(parked.parkedUntil).toISOString()}`);

    const b = startWorker({ name: 'rl-b', adapter: 'claude', capabilities: ['rl'] });
    await waitFor('the task to succeed on agent b', async () => (await detail(id)).task.status === 'succeeded');
    const done = await detail(id);
    expect(done.attempts.at(-1)).toMatchObject({ agentName: 'rl-b', status: 'succeeded' });
    // Parked before the hand-back: the task never went back to agent a.
    expect(done.attempts.map((t) => t.agentName)).toEqual(['rl-a', 'rl-b']);
    // Routing saw agent a and skipped it as rate-limited.
    const last = done.decisions.at(-1);
    expect(last.winnerAgentName).toBe('rl-b');
    expect(last.excluded).toContainEqual(
      expect.objectContaining({ agentName: 'rl-a', reason: expect.stringMatching(/^rate-limited until/) }),
    );
    expect((await claude.runs()).length).toBe(2);

    await Promise.all([a.stop(), b.stop()]);
  }, 60_000);

  it('stops polling until the limit lifts, says idle, then takes work again', async () => {
    const a = startWorker({
      name: 'rl-shell',
      adapter: 'shell',
      capabilities: ['rl-short'],
      shellCommand: 'if [ "$FLIGHTDECK_TASK_ATTEMPT" = 1 ]; then echo "::rate-limited +2"; sleep 5; else echo ok; fi',
    });
    const {
      ids: [id],
    } = await bed.server.admin.mutate<{ ids: string[] }>('tasks.submit', {
      title: 'short limit',
      capabilities: ['rl-short'],
    });
    const parked = await waitFor('the agent to be parked', async () => (await agentNamed('rl-shell'))?.parkedUntil);
    await waitFor(
      'the task to succeed after the limit',
      async () => (await detail(id)).task.status === 'succeeded',
      20_000,
    );
    const { attempts } = await detail(id);
    expect(attempts[0]).toMatchObject({ status: 'released' });
    const retried = attempts.at(-1);
    expect(retried).toMatchObject({ agentName: 'rl-shell', status: 'succeeded' });
    expect(retried.assignedAt).toBeGreaterThanOrEqual(parked - 500);
    expect((await agentNamed('rl-shell')).activity?.state).not.toBe('rate-limited');
    await a.stop();
  }, 40_000);
});
