import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOLD_BACKOFF } from '@/server/core/hooks/reviewer';
import type { NewHook } from '@/server/core/hooks/ports';
import { adminPrincipal, callerAs, startTestRuntime } from '@/server/testing/test-runtime';

let rt: Awaited<ReturnType<typeof startTestRuntime>>;
beforeAll(async () => {
  rt = await startTestRuntime();
});
afterAll(async () => {
  await rt.dispose();
});

const store = () => rt.core.deps.store;
const hook = (name: string, over: Partial<NewHook> = {}): NewHook => ({
  id: `hook_${name}`,
  name,
  kind: 'pre-assignment',
  url: `https://example.com/${name}`,
  patterns: [],
  timeoutMs: 2_000,
  failMode: 'closed',
  enabled: true,
  createdBy: { kind: 'user', id: 'usr_ada', name: 'ada' },
  secret: `whsec_${name}`,
  ...over,
});

describe('hook store', () => {
  it('keeps secrets out of lists and gets, and hands them to signing reads only', async () => {
    const created = await store().hooks.create(hook('gate'));
    expect(created).toMatchObject({ name: 'gate', kind: 'pre-assignment', failMode: 'closed', timeoutMs: 2_000 });
    expect(await store().hooks.create(hook('gate', { id: 'hook_other' }))).toBeNull();
    await store().hooks.create(hook('off', { enabled: false }));
    await store().hooks.create(hook('events', { kind: 'event', patterns: ['task:*'] }));
    for (const h of [...(await store().hooks.list()), await store().hooks.get('hook_gate')])
      expect(JSON.stringify(h)).not.toContain('whsec_');
    expect((await store().hooks.list('event')).map((h) => h.name)).toEqual(['events']);
    expect((await store().hooks.enabled('pre-assignment')).map((h) => [h.name, h.secret])).toEqual([
      ['gate', 'whsec_gate'],
    ]);
    expect(await store().hooks.target('hook_off')).toEqual({
      url: 'https://example.com/off',
      secret: 'whsec_off',
      enabled: false,
      timeoutMs: 2_000,
    });
    expect(await store().hooks.delete('hook_off')).toBe(true);
    expect(await store().hooks.target('hook_off')).toBeNull();
  });

  it('holds a queued task out of the queue for a backoff that doubles in database time, until assigned', async () => {
    const { ids } = await callerAs(rt, adminPrincipal).tasks.submit({
      tasks: [{ title: 'held', capabilities: ['nobody-has-this'] }],
    });
    const [id] = ids;
    const queued = async () => (await store().tasks.queued(100)).map((t) => t.id);
    expect(await queued()).toContain(id);

    const t0 = Date.now();
    const first = await store().hooks.hold(id, 'vetoed by hook gate: freeze', { baseMs: 60_000, maxMs: 200_000 });
    const second = await store().hooks.hold(id, 'vetoed by hook gate: still frozen', {
      baseMs: 60_000,
      maxMs: 200_000,
    });
    const third = await store().hooks.hold(id, 'vetoed by hook gate: again', { baseMs: 60_000, maxMs: 200_000 });
    // 60 s, then 120 s, then capped at 200 s (from database now; the clocks agree within seconds).
    expect(first! - t0).toBeGreaterThan(50_000);
    expect(second! - first!).toBeGreaterThan(50_000);
    expect(third! - t0).toBeLessThan(210_000);
    expect(third! - t0).toBeGreaterThan(190_000);
    expect(await queued()).not.toContain(id);
    expect((await store().tasks.get(id))!.hookHold).toEqual({ until: third, reason: 'vetoed by hook gate: again' });

    expect(await store().hooks.amend(id, { labels: { team: 'infra' }, priority: 'high' })).toBe(true);
    expect(await store().hooks.amend(id, { labels: { cost: 'low' } })).toBe(true);
    expect(await store().tasks.get(id)).toMatchObject({ priority: 'high', labels: { team: 'infra', cost: 'low' } });

    await callerAs(rt, adminPrincipal).tasks.cancel({ id });
    expect(await store().hooks.hold(id, 'late', HOLD_BACKOFF)).toBeNull();
    expect(await store().hooks.amend(id, { priority: 'low' })).toBe(false);
  });
});
