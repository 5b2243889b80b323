import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HookEvent } from '@/server/core/hooks/catalogue';
import { adminPrincipal, callerAs, registerAgent, startTestRuntime } from '@/server/testing/test-runtime';

/** What the plugin modules saw (they run in this process). */
const seen = ((globalThis as Record<string, unknown>).__pluginTest = {
  events: [] as HookEvent[],
  asked: [] as string[],
});

const dir = mkdtempSync(path.join(tmpdir(), 'fd-plugins-'));
const file = (name: string, source: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, source);
  return p;
};
const recorder = file(
  'recorder.mjs',
  `const seen = globalThis.__pluginTest;
export default {
  name: 'recorder',
  onEvent(e) { seen.events.push(e); },
  preAssign(task, agent) {
    seen.asked.push(task.title);
    if (task.title === 'forbidden') return { allow: false, reason: 'not on ' + agent.name };
    if (task.title === 'boom') throw new Error('plugin bug');
    return { allow: true };
  },
};`,
);
const broken = file('broken.mjs', `export default { name: 'broken', onEvent() { throw new Error('always fails'); } };`);

let rt: Awaited<ReturnType<typeof startTestRuntime>>;
beforeAll(async () => {
  rt = await startTestRuntime({ FLIGHTDECK_PLUGINS: `${broken},${recorder}`, FLIGHTDECK_HOOK_HOLD_MS: '60000' });
});
afterAll(async () => {
  await rt.dispose();
});

const admin = () => callerAs(rt, adminPrincipal);
const WAIT = { timeout: 10_000, interval: 50 };

describe('in-process plugins', () => {
  it('get catalogue events, veto like a hook, and fail open when they throw; a throwing onEvent harms nothing', async () => {
    const agent = await registerAgent(rt, { name: 'pw1', capabilities: ['plugins'], maxConcurrency: 3 });
    await agent.caller.agents.heartbeat({});
    const { ids } = await admin().tasks.submit({
      tasks: ['forbidden', 'boom', 'fine'].map((title) => ({ title, capabilities: ['plugins'] })),
    });
    const [forbidden, boom, fine] = ids;
    await vi.waitFor(async () => {
      expect((await admin().tasks.get({ id: boom })).status).toBe('assigned');
      expect((await admin().tasks.get({ id: fine })).status).toBe('assigned');
    }, WAIT);
    expect(await admin().tasks.whyPending({ id: forbidden })).toMatchObject({
      code: 'hook-held',
      message: expect.stringMatching(/^vetoed by plugin recorder: not on pw1; offered again in/),
    });
    const { decisions } = await admin().tasks.detail({ id: boom });
    expect(decisions[0].hookNote).toBe('plugin recorder failed (plugin bug) (fail-open)');

    await vi.waitFor(() => {
      const mine = seen.events.filter((e) => e.subject === `task:${fine}`).map((e) => e.event);
      expect(mine).toEqual(['task:submitted', 'task:assigned']);
    }, WAIT);
    const registered = seen.events.find((e) => e.event === 'agent:registered' && e.data.agentId === agent.agentId);
    expect(registered).toMatchObject({ subject: `agent:${agent.agentId}`, data: { name: 'pw1' } });
  });
});
