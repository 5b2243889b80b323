import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { adminPrincipal, callerAs, registerAgent, startTestRuntime } from '@/server/testing/test-runtime';
import { startWebhookReceiver, type Reply, type WebhookReceiver } from '@/server/testing/webhook-receiver';

// Hooks are asked through the runtime's safe sender (the test runtime allows private addresses).
let rt: Awaited<ReturnType<typeof startTestRuntime>>;
let rx: WebhookReceiver;
beforeAll(async () => {
  [rt, rx] = await Promise.all([startTestRuntime({ FLIGHTDECK_HOOK_HOLD_MS: '3000' }), startWebhookReceiver()]);
  answer({ allow: true });
});
afterAll(async () => {
  await rx.close();
  await rt.dispose();
});

/** The hook's answer from now on: a JSON body, or `hang` (no answer until the receiver closes). */
function answer(body: object | 'hang' | (() => object)) {
  rx.respond = (): Reply =>
    body === 'hang'
      ? { hang: true }
      : {
          status: 200,
          body: JSON.stringify(typeof body === 'function' ? body() : body),
          headers: { 'content-type': 'application/json' },
        };
}

const admin = () => callerAs(rt, adminPrincipal);
const WAIT = { timeout: 10_000, interval: 50 };

/** One pre-assignment hook for the duration of `fn`, and one agent with its own capability. */
async function withHook(
  hook: { name: string; timeoutMs?: number; failMode?: 'open' | 'closed' },
  fn: (ctx: { cap: string; agentId: string }) => Promise<void>,
) {
  const { hook: created, secret } = await admin().hooks.create({ kind: 'pre-assignment', url: rx.url, ...hook });
  rx.secret = secret;
  const cap = `cap-${hook.name}`;
  const agent = await registerAgent(rt, { name: `agent-${hook.name}`, capabilities: [cap] });
  await agent.caller.agents.heartbeat({});
  try {
    await fn({ cap, agentId: agent.agentId });
  } finally {
    await admin().hooks.delete({ id: created.id });
    await agent.caller.agents.deregister().catch(() => {});
  }
}

const submit = async (title: string, cap: string) =>
  (await admin().tasks.submit({ tasks: [{ title, capabilities: [cap] }] })).ids[0];
const askedFor = (taskId: string) => rx.requests.filter((r) => r.json().task?.id === taskId);

describe('pre-assignment hooks', () => {
  it('holds a vetoed task, says so, asks again only after the backoff, and records the veto in the decision', async () => {
    let allow = false;
    answer(() => (allow ? { allow: true } : { allow: false, reason: 'change freeze' }));
    await withHook({ name: 'gatekeeper', failMode: 'open' }, async ({ cap, agentId }) => {
      const id = await submit('deploy', cap);
      await vi.waitFor(() => expect(askedFor(id)).toHaveLength(1), WAIT);
      const [asked] = askedFor(id);
      expect(asked.signatureValid).toBe(true);
      expect(asked.json()).toMatchObject({
        event: 'pre-assignment',
        task: { id, title: 'deploy', capabilities: [cap], labels: {}, priority: 'normal', project: 'default' },
        agent: { id: agentId, name: 'agent-gatekeeper', labels: {} },
      });
      await vi.waitFor(async () => {
        const why = await admin().tasks.whyPending({ id });
        expect(why).toMatchObject({ code: 'hook-held' });
        expect(why!.message).toMatch(/^vetoed by hook gatekeeper: change freeze; offered again in ~\d+ s$/);
      }, WAIT);
      // Passes within the hold do not ask again.
      await rt.core.dispatchNow();
      await rt.core.dispatchNow();
      expect((await admin().tasks.get({ id })).status).toBe('queued');
      expect(askedFor(id)).toHaveLength(1);

      allow = true;
      await vi.waitFor(async () => expect((await admin().tasks.get({ id })).status).toBe('assigned'), WAIT);
      expect(askedFor(id)).toHaveLength(2);
      const { decisions, task } = await admin().tasks.detail({ id });
      expect(decisions[0].hookNote).toBe('earlier vetoed by hook gatekeeper: change freeze');
      expect(task.hookHold).toBeNull();
    });
  });

  it('applies an amend of labels and priority and notes it in the decision', async () => {
    answer({ allow: true, amend: { labels: { team: 'infra' }, priority: 'high', note: 'escalated' } });
    await withHook({ name: 'amender' }, async ({ cap }) => {
      const id = await submit('patch', cap);
      await vi.waitFor(async () => expect((await admin().tasks.get({ id })).status).toBe('assigned'), WAIT);
      const { task, decisions } = await admin().tasks.detail({ id });
      expect(task).toMatchObject({ priority: 'high', labels: { team: 'infra' } });
      expect(decisions[0].hookNote).toBe('amended by hook amender: escalated');
      const recent = await admin().balancing.decisions({ limit: 50 });
      expect(recent.find((d) => d.taskId === id)?.hookNote).toBe('amended by hook amender: escalated');
    });
  });

  it('on a timeout assigns when fail-open', async () => {
    answer('hang');
    await withHook({ name: 'slow-open', timeoutMs: 200, failMode: 'open' }, async ({ cap }) => {
      const id = await submit('build', cap);
      await vi.waitFor(async () => expect((await admin().tasks.get({ id })).status).toBe('assigned'), WAIT);
      expect((await admin().tasks.detail({ id })).decisions[0].hookNote).toBe('hook slow-open timed out (fail-open)');
    });
  });

  it('on a timeout holds the task when fail-closed, and says why', async () => {
    answer('hang');
    await withHook({ name: 'slow-closed', timeoutMs: 200, failMode: 'closed' }, async ({ cap }) => {
      const id = await submit('release', cap);
      await vi.waitFor(async () => {
        const why = await admin().tasks.whyPending({ id });
        expect(why?.message).toMatch(/^hook slow-closed timed out \(fail-closed\); offered again in/);
      }, WAIT);
      expect((await admin().tasks.get({ id })).status).toBe('queued');
    });
  });

  it('refuses patterns on a pre-assignment hook and a timeout above 10 s', async () => {
    await expect(
      admin().hooks.create({ name: 'bad', kind: 'pre-assignment', url: rx.url, patterns: ['task:*'] }),
    ).rejects.toThrow(/^patterns:/);
    await expect(
      admin().hooks.create({ name: 'bad', kind: 'pre-assignment', url: rx.url, timeoutMs: 10_001 }),
    ).rejects.toThrow(/timeoutMs/);
  });
});

describe('without FLIGHTDECK_ALLOW_PRIVATE_WEBHOOKS', () => {
  it('refuses a hook on a loopback or private address, naming the url field', async () => {
    const strict = await startTestRuntime({ FLIGHTDECK_ALLOW_PRIVATE_WEBHOOKS: '0' });
    try {
      const create = (url: string, kind: 'pre-assignment' | 'event') =>
        callerAs(strict, adminPrincipal).hooks.create({
          name: `h-${kind}`,
          kind,
          url,
          patterns: kind === 'event' ? ['task:*'] : [],
        });
      await expect(create(rx.url, 'pre-assignment')).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringMatching(
          /^url: 127\.0\.0\.1 is a loopback, link-local or private address; set FLIGHTDECK_ALLOW_PRIVATE_WEBHOOKS=1/,
        ),
      });
      await expect(create('http://10.1.2.3/hook', 'event')).rejects.toThrow(/^url: 10\.1\.2\.3 is a loopback/);
      await expect(create('http://localhost:9/hook', 'event')).rejects.toThrow(/^url: localhost is a loopback/);
      expect(await callerAs(strict, adminPrincipal).hooks.list()).toEqual([]);
    } finally {
      await strict.dispose();
    }
  });
});
