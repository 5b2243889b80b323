import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, adminPrincipal, callerAs, httpCall, startTestRuntime } from '@/server/testing/test-runtime';

let rt: Awaited<ReturnType<typeof startTestRuntime>>;
const admin = () => callerAs(rt, adminPrincipal);
type ListInput = Parameters<ReturnType<typeof admin>['agents']['list']>[0];

/** Every page from the first to the last, as names; fails if a page repeats an agent. */
async function allPages(input: ListInput): Promise<string[]> {
  const names: string[] = [];
  let cursor: string | null = input?.cursor ?? null;
  for (let i = 0; i < 100; i++) {
    const page = await admin().agents.list({ ...input, cursor });
    names.push(...page.items.map((a) => a.name));
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  expect(new Set(names).size).toBe(names.length);
  return names;
}

const SCALE = Array.from({ length: 12 }, (_, i) => `scale-${i + 1}`);

beforeAll(async () => {
  rt = await startTestRuntime();
  // Registered out of order so neither insertion order nor id order passes for name order.
  for (const name of [...SCALE].reverse())
    await admin().agents.register({
      name,
      runtime: name.endsWith('2') ? 'codex' : 'claude-code',
      capabilities: ['scale'],
    });
  await admin().agents.register({
    name: 'red-worker',
    capabilities: ['GPU-large'],
    labels: { team: 'red', zone: 'eu-1' },
  });
  await admin().agents.register({ name: 'blue-worker', capabilities: ['cpu'], labels: { team: 'blue' } });
});
afterAll(async () => {
  await rt?.dispose();
});

describe('agents.list pages on the server', () => {
  it('orders names naturally (scale-2 before scale-10) across pages, each agent exactly once', async () => {
    expect(await allPages({ search: 'scale-', limit: 5 })).toEqual(SCALE);
    expect(await allPages({ search: 'scale-', limit: 5, sort: { by: 'name', dir: 'desc' } })).toEqual(
      [...SCALE].reverse(),
    );
    const first = await admin().agents.list({ search: 'scale-', limit: 5 });
    expect(first).toMatchObject({ total: 12 });
    expect(first.items).toHaveLength(5);
  });

  it('sorts by any column, ties in name order, and pages every agent exactly once', async () => {
    const byRuntime = await allPages({ search: 'scale-', limit: 4, sort: { by: 'runtime', dir: 'asc' } });
    expect(byRuntime).toEqual([...SCALE.filter((n) => !n.endsWith('2')), ...SCALE.filter((n) => n.endsWith('2'))]);
    for (const by of ['status', 'activeTasks', 'lastHeartbeat', 'registeredAt'] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        expect((await allPages({ limit: 3, sort: { by, dir } })).sort()).toEqual(
          [...SCALE, 'red-worker', 'blue-worker'].sort(),
        );
      }
    }
    // Registered last to first: newest first is scale-1's order.
    expect(await allPages({ search: 'scale-', limit: 5, sort: { by: 'registeredAt', dir: 'desc' } })).toEqual(SCALE);
  });

  it('a cursor stays valid when agents are inserted before and after it', async () => {
    const first = await admin().agents.list({ search: 'scale-', limit: 6 });
    await admin().agents.register({ name: 'scale-0', capabilities: ['scale'] });
    await admin().agents.register({ name: 'scale-99', capabilities: ['scale'] });
    const rest = await allPages({ search: 'scale-', limit: 6, cursor: first.nextCursor });
    expect(rest).toEqual([...SCALE.slice(6), 'scale-99']);
    await admin().agents.terminate({
      id: (await admin().agents.list({ search: 'scale-0' })).items.find((a) => a.name === 'scale-0')!.id,
    });
    await admin().agents.terminate({ id: (await admin().agents.list({ search: 'scale-99' })).items[0]!.id });
  });

  it('searches by name, capability, label key and key=value, in any case', async () => {
    const names = async (search: string) => (await admin().agents.list({ search })).items.map((a) => a.name);
    expect(await names('RED-WORK')).toEqual(['red-worker']);
    expect(await names('gpu')).toEqual(['red-worker']);
    expect(await names('zone')).toEqual(['red-worker']);
    expect(await names('team=red')).toEqual(['red-worker']);
    expect(await names('team=')).toEqual(['blue-worker', 'red-worker']);
    expect(await names('team=green')).toEqual([]);
    // LIKE wildcards are text, not patterns.
    expect(await names('%')).toEqual([]);
  });

  it('filters by status as the operator reads it', async () => {
    const red = (await admin().agents.list({ search: 'red-worker' })).items[0]!;
    await rt.core.registry.heartbeat(red.id, {});
    expect((await admin().agents.list({ status: ['idle'] })).items.map((a) => a.name)).toEqual(['red-worker']);
    expect((await admin().agents.list({ status: ['starting'] })).total).toBe(13);
  });

  it('hides terminated agents by default, shows them on request or when filtered for, and counts honestly', async () => {
    const blue = (await admin().agents.list({ search: 'blue-worker' })).items[0]!;
    await admin().agents.terminate({ id: blue.id });
    const page = await admin().agents.list({ search: 'worker' });
    expect(page.items.map((a) => a.name)).toEqual(['red-worker']);
    expect((await admin().agents.list({ search: 'worker', includeTerminated: true })).items.map((a) => a.name)).toEqual(
      ['blue-worker', 'red-worker'],
    );
    expect((await admin().agents.list({ status: ['terminated'] })).items.map((a) => a.name)).toEqual([
      'blue-worker',
      'scale-0',
      'scale-99',
    ]);
    // The counts are the fleet's whatever the filter: 13 not terminated, one of them heartbeating.
    expect(page.counts).toMatchObject({ registered: 13, healthy: 1, terminated: 3 });
    expect(page.counts.byStatus).toMatchObject({ idle: 1, starting: 12, terminated: 3, busy: 0 });
    expect((await admin().agents.list()).total).toBe(13);
    expect((await admin().agents.list({ includeTerminated: true })).total).toBe(16);
  });

  it('prunes terminated agents past the retention; their tasks and attempts still read', async () => {
    const red = (await admin().agents.list({ search: 'red-worker' })).items[0]!;
    const { ids } = await admin().tasks.submit({ title: 'before the prune', capabilities: ['GPU-large'] });
    await rt.core.dispatchNow();
    expect(await admin().tasks.get({ id: ids[0]! })).toMatchObject({ agentId: red.id });
    await admin().agents.terminate({ id: red.id });

    expect(await rt.core.registry.pruneTerminated(60_000)).toBe(0);
    expect((await admin().agents.list({ includeTerminated: true })).counts.terminated).toBe(4);
    expect(await rt.core.registry.pruneTerminated(0)).toBe(4);
    const after = await admin().agents.list({ includeTerminated: true, limit: 500 });
    expect(after.items.map((a) => a.name)).not.toContain('red-worker');
    expect(after.counts).toMatchObject({ terminated: 0, registered: 12 });
    expect(after.total).toBe(12);
    expect((await admin().agents.list({ status: ['starting', 'terminated'] })).total).toBe(12);

    const detail = await admin().tasks.detail({ id: ids[0]! });
    expect(detail.attempts.at(-1)).toMatchObject({ agentId: red.id, agentName: null });
    expect(rt.core.loopSnapshots().map((l) => l.name)).toContain('agent-pruner');
  });

  it.each([
    [{ limit: 0 }, /limit: /],
    [{ limit: 501 }, /limit: /],
    [{ sort: { by: 'colour' } }, /sort\.by: /],
    [{ status: ['asleep'] }, /status\.0: /],
    [{ cursor: 'not-a-cursor' }, /cursor: is not a cursor/],
    [{ search: 'x'.repeat(201) }, /search: /],
  ])('bad input %j answers 400 naming the field', async (input, message) => {
    const res = await httpCall(rt, 'agents.list', { input, token: ADMIN_TOKEN, query: true });
    expect(res.status).toBe(400);
    expect(res.error?.message).toMatch(message);
  });

  it('a cursor from another sort order is refused, naming the cursor', async () => {
    const { nextCursor } = await admin().agents.list({ limit: 2 });
    const res = await httpCall(rt, 'agents.list', {
      input: { limit: 2, cursor: nextCursor, sort: { by: 'runtime', dir: 'asc' } },
      token: ADMIN_TOKEN,
      query: true,
    });
    expect(res.status).toBe(400);
    expect(res.error?.message).toMatch(/cursor: belongs to another sort order/);
  });
});
