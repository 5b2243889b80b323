import { describe, expect, it } from 'vitest';
import { quietLogger, testWorkerOptions, waitFor } from './testing/test-server';
import { useWorkerTestbed } from './testing/worker-testbed';
import { runWorker } from './worker';
import type { AgentSelf } from './worker-types';

const bed = useWorkerTestbed();

describe('a nearly full context window', () => {
  it('is compacted with claude /compact on the session before the next task', async () => {
    // 17 766 tokens used of a 20 000 window after the first task: 89 %, over the 85 % line.
    const claude = await bed.fakes.install('claude', [
      'claude-success.jsonl',
      'claude-compact.jsonl',
      'claude-success.jsonl',
    ]);
    const stop = new AbortController();
    const done = runWorker(
      testWorkerOptions(bed.server.url, {
        name: 'ctx-claude',
        adapter: 'claude',
        cliPath: claude.path,
        capabilities: ['ctx'],
        contextWindow: 20_000,
      }),
      stop.signal,
      { logger: quietLogger },
    );
    const submit = async (title: string) =>
      (await bed.server.admin.mutate<{ ids: string[] }>('tasks.submit', { title, capabilities: ['ctx'] })).ids[0];
    const succeeded = (id: string) => async () =>
      (await bed.server.admin.query<{ status: string }>('tasks.get', { id })).status === 'succeeded';

    await waitFor('the first task', succeeded(await submit('first')));
    const agentId = (
      await bed.server.admin.query<{ items: AgentSelf[] }>('agents.list', { search: 'ctx-claude' })
    ).items.find((a) => a.name === 'ctx-claude')!.id;
    await waitFor(
      'the compaction to be reported',
      async () => (await bed.server.admin.query<AgentSelf>('agents.get', { id: agentId })).contextUsed === 9120,
      20_000,
    );
    await waitFor('the next task', succeeded(await submit('second')));
    stop.abort();
    expect((await done).code).toBe(0);

    const runs = (await claude.runs()).map((r) => r.argv);
    expect(runs[1]).toEqual([
      '-p',
      '/compact',
      '--resume',
      '6b1f3c2e-8d4a-4f0b-9e57-2c9a1d7e4b10',
      '--output-format',
      'stream-json',
      '--verbose',
    ]);
    expect(runs[2]).toContain('second');
    expect(runs[2]).toContain('--resume');
  }, 45_000);

  it('starts a fresh session for CLIs without a compaction command', async () => {
    const gemini = await bed.fakes.install('gemini', ['gemini-success.jsonl']);
    const stop = new AbortController();
    const done = runWorker(
      testWorkerOptions(bed.server.url, {
        name: 'ctx-gemini',
        adapter: 'gemini',
        cliPath: gemini.path,
        capabilities: ['ctx-g'],
        contextWindow: 20_000,
      }),
      stop.signal,
      { logger: quietLogger },
    );
    const submit = async (title: string) =>
      (await bed.server.admin.mutate<{ ids: string[] }>('tasks.submit', { title, capabilities: ['ctx-g'] })).ids[0];
    const succeeded = (id: string) => async () =>
      (await bed.server.admin.query<{ status: string }>('tasks.get', { id })).status === 'succeeded';

    await waitFor('the first task', succeeded(await submit('first')));
    const agentId = (
      await bed.server.admin.query<{ items: AgentSelf[] }>('agents.list', { search: 'ctx-gemini' })
    ).items.find((a) => a.name === 'ctx-gemini')!.id;
    await waitFor(
      'a fresh session',
      async () => {
        const agent = await bed.server.admin.query<AgentSelf>('agents.get', { id: agentId });
        return agent.contextUsed === 0 && agent.sessionId === null;
      },
      20_000,
    );
    await waitFor('the next task', succeeded(await submit('second')));
    stop.abort();
    await done;
    const runs = (await gemini.runs()).map((r) => r.argv);
    expect(runs).toHaveLength(2);
    expect(runs[1]).not.toContain('--resume');
  }, 45_000);
});
