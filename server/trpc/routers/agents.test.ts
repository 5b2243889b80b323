import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPrincipal, callerAs, httpCall, registerAgent, startTestRuntime } from '@/server/testing/test-runtime';

let rt: Awaited<ReturnType<typeof startTestRuntime>>;
beforeAll(async () => {
  rt = await startTestRuntime({ FLIGHTDECK_UNHEALTHY_AFTER_MS: '300', FLIGHTDECK_OFFLINE_AFTER_MS: '700' });
});
afterAll(async () => {
  await rt.dispose();
});

const admin = () => callerAs(rt, adminPrincipal);

describe('agent lifecycle', () => {
  it('registers as starting, becomes idle on its first heartbeat, busy while holding work', async () => {
    const a = await registerAgent(rt, { name: 'life-1', capabilities: ['life'] });
    expect((await admin().agents.get({ id: a.agentId })).status).toBe('starting');
    expect(await a.caller.agents.heartbeat({ load: 0.2, contextUsed: 1000, contextWindow: 200_000 })).toMatchObject({
      status: 'idle',
      heartbeatIntervalMs: 5000,
    });
    const agent = await admin().agents.get({ id: a.agentId });
    expect(agent).toMatchObject({ status: 'idle', load: 0.2, contextUsed: 1000, contextWindow: 200_000 });
    await admin().tasks.submit({ title: 'hold', capabilities: ['life'] });
    const work = await a.caller.work.poll({ waitMs: 3000 });
    expect(work).not.toBeNull();
    expect((await admin().agents.get({ id: a.agentId })).status).toBe('busy');
    await a.caller.work.complete({ taskId: work!.taskId, leaseToken: work!.leaseToken });
    expect((await admin().agents.get({ id: a.agentId })).status).toBe('idle');
  });

  it('shows one status: an agent holding a task and one reporting work while holding none never contradict themselves', async () => {
    const holder = await registerAgent(rt, { name: 'one-status-holder', capabilities: ['one-status'] });
    const claimer = await registerAgent(rt, { name: 'one-status-claimer', capabilities: ['one-status-other'] });
    await holder.caller.agents.heartbeat({ activity: { state: 'idle' } });
    await claimer.caller.agents.heartbeat({ activity: { state: 'working', detail: 'editing files' } });
    await admin().tasks.submit({ title: 'held', capabilities: ['one-status'] });
    const work = await holder.caller.work.poll({ waitMs: 3000 });
    expect(work).not.toBeNull();

    // The holder's last report (idle) predates its task; the claimer holds nothing whatever it says.
    const shown = async () => {
      const listed = (await admin().agents.list({ search: 'one-status' })).items;
      const byName = (name: string) => listed.find((a) => a.name === name)!;
      const got = {
        holder: await admin().agents.get({ id: holder.agentId }),
        claimer: await admin().agents.get({ id: claimer.agentId }),
      };
      for (const a of Object.values(got)) expectConsistent(a);
      expect(byName('one-status-holder')).toMatchObject({ status: got.holder.status, activity: got.holder.activity });
      expect(byName('one-status-claimer')).toMatchObject({
        status: got.claimer.status,
        activity: got.claimer.activity,
      });
      return got;
    };
    let got = await shown();
    expect(got.holder).toMatchObject({ status: 'busy', activeTasks: 1, activity: { state: 'working' } });
    expect(got.claimer).toMatchObject({ status: 'idle', activeTasks: 0, activity: { state: 'idle' } });
    const overview = await admin().overview.get();
    expect(overview.agents.busy).toBeGreaterThanOrEqual(1);

    // The holder reports work, then finishes before its next heartbeat: idle, and not still "working".
    await holder.caller.agents.heartbeat({ activity: { state: 'waiting-for-input', detail: 'approve the edit?' } });
    got = await shown();
    expect(got.holder).toMatchObject({
      status: 'busy',
      activity: { state: 'waiting-for-input', detail: 'approve the edit?' },
    });
    await holder.caller.work.complete({ taskId: work!.taskId, leaseToken: work!.leaseToken });
    got = await shown();
    expect(got.holder).toMatchObject({ status: 'idle', activeTasks: 0, activity: { state: 'idle' } });
    // What routing needs from a report is kept whatever the tasks say.
    await claimer.caller.agents.heartbeat({
      activity: { state: 'rate-limited', detail: 'usage limit', resetAt: Date.now() + 60_000 },
    });
    expect((await shown()).claimer).toMatchObject({ status: 'idle', activity: { state: 'rate-limited' } });
  });

  it('re-registering the same name keeps the agent id, replaces the token and requeues its work', async () => {
    const first = await registerAgent(rt, { name: 'life-2', capabilities: ['rereg'] });
    await first.caller.agents.heartbeat({});
    const { ids } = await admin().tasks.submit({ title: 'survives restart', capabilities: ['rereg'] });
    const work = await first.caller.work.poll({ waitMs: 3000 });
    expect(work?.taskId).toBe(ids[0]);
    const second = await registerAgent(rt, { name: 'life-2', capabilities: ['rereg'] });
    expect(second.agentId).toBe(first.agentId);
    expect((await admin().agents.list({ search: 'life-2' })).items.filter((a) => a.name === 'life-2')).toHaveLength(1);
    expect((await httpCall(rt, 'agents.heartbeat', { input: {}, token: first.token })).status).toBe(401);
    await second.caller.agents.heartbeat({});
    const again = await second.caller.work.poll({ waitMs: 3000 });
    expect(again).toMatchObject({ taskId: ids[0], attempt: 2 });
    await expect(first.caller.work.complete({ taskId: ids[0], leaseToken: work!.leaseToken })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('an agent that stops heartbeating turns unhealthy, then offline, and its running task completes elsewhere', async () => {
    const lost = await registerAgent(rt, { name: 'life-3', capabilities: ['failover'] });
    await lost.caller.agents.heartbeat({});
    const { ids } = await admin().tasks.submit({ title: 'failover', capabilities: ['failover'] });
    const work = await lost.caller.work.poll({ waitMs: 3000 });
    await lost.caller.work.start({ taskId: ids[0], leaseToken: work!.leaseToken });
    // Silence: the sweep (every second) marks it unhealthy after 300 ms and offline after 700 ms.
    await waitFor(async () => (await admin().agents.get({ id: lost.agentId })).status === 'offline', 5000);
    // Going offline and the requeue are two statements today: wait for the second, then check it.
    await waitFor(async () => (await admin().tasks.get({ id: ids[0] })).status !== 'running', 5000);
    const task = await admin().tasks.get({ id: ids[0] });
    expect(task).toMatchObject({ status: 'queued', agentId: null, attempt: 1 });
    const rescuer = await registerAgent(rt, { name: 'life-4', capabilities: ['failover'] });
    await rescuer.caller.agents.heartbeat({});
    const retry = await rescuer.caller.work.poll({ waitMs: 3000 });
    expect(retry).toMatchObject({ taskId: ids[0], attempt: 2 });
    await rescuer.caller.work.complete({ taskId: ids[0], leaseToken: retry!.leaseToken, result: 'rescued' });
    const detail = await admin().tasks.detail({ id: ids[0] });
    expect(detail.task.status).toBe('succeeded');
    expect(detail.attempts.map((a) => [a.agentName, a.status])).toEqual([
      ['life-3', 'lost'],
      ['life-4', 'succeeded'],
    ]);
    await expect(lost.caller.work.complete({ taskId: ids[0], leaseToken: work!.leaseToken })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('a clean stop (agents.signOff) shows the agent stopped at once, hands its work on, and the sweep leaves it alone', async () => {
    const a = await registerAgent(rt, { name: 'stop-1', capabilities: ['clean-stop'] });
    await a.caller.agents.heartbeat({});
    const { ids } = await admin().tasks.submit({ title: 'left behind', capabilities: ['clean-stop'] });
    expect(await a.caller.work.poll({ waitMs: 3000 })).toMatchObject({ taskId: ids[0] });
    await a.caller.agents.heartbeat({ activity: { state: 'stopping' } });
    // The protocol over HTTP, as a worker in any language calls it.
    const res = await httpCall(rt, 'agents.signOff', { input: {}, token: a.token });
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ status: 'stopped', requeued: 1 });
    expect(await admin().agents.get({ id: a.agentId })).toMatchObject({
      status: 'stopped',
      activeTasks: 0,
      activity: null,
    });
    expect(await admin().tasks.get({ id: ids[0] })).toMatchObject({ status: 'queued', agentId: null });
    expect(await admin().tasks.whyPending({ id: ids[0] })).toEqual({
      code: 'agents-unavailable',
      message: '1 agent matches but is stopped',
    });
    expect((await admin().agents.list({ status: ['stopped'] })).items.map((x) => x.name)).toContain('stop-1');
    expect((await admin().overview.get()).agents.stopped).toBeGreaterThanOrEqual(1);

    // A silent agent goes offline meanwhile (the sweep ran past both thresholds); the stopped one stays stopped.
    const silent = await registerAgent(rt, { name: 'stop-silent', capabilities: ['clean-stop-other'] });
    await silent.caller.agents.heartbeat({});
    await waitFor(async () => (await admin().agents.get({ id: silent.agentId })).status === 'offline', 5000);
    expect(await admin().agents.get({ id: a.agentId })).toMatchObject({ status: 'stopped' });

    // Started again with its agent token, its first heartbeat brings it back, and it takes the work.
    expect(await a.caller.agents.heartbeat({})).toMatchObject({ status: 'idle' });
    expect(await a.caller.work.poll({ waitMs: 3000 })).toMatchObject({ taskId: ids[0], attempt: 2 });
  });

  it('a stopped agent re-registering comes back; a sleeping agent that signs off stays asleep', async () => {
    const a = await registerAgent(rt, { name: 'stop-2', capabilities: ['stop-rereg'] });
    await a.caller.agents.heartbeat({});
    expect(await a.caller.agents.signOff()).toEqual({ status: 'stopped', requeued: 0 });
    // Signing off twice changes nothing.
    expect(await a.caller.agents.signOff()).toEqual({ status: 'stopped', requeued: 0 });
    const again = await registerAgent(rt, { name: 'stop-2', capabilities: ['stop-rereg'] });
    expect(again.agentId).toBe(a.agentId);
    expect((await admin().agents.get({ id: a.agentId })).status).toBe('starting');
    await again.caller.agents.heartbeat({});
    const { ids } = await admin().tasks.submit({ title: 'after the restart', capabilities: ['stop-rereg'] });
    expect(await again.caller.work.poll({ waitMs: 3000 })).toMatchObject({ taskId: ids[0] });

    // Put to sleep (by an operator or its pool, which stops its worker): the worker's goodbye keeps it asleep.
    const sleeper = await registerAgent(rt, { name: 'stop-3', capabilities: ['stop-sleep'] });
    await sleeper.caller.agents.heartbeat({});
    await admin().agents.sleep({ id: sleeper.agentId });
    expect(await sleeper.caller.agents.signOff()).toEqual({ status: 'sleeping', requeued: 0 });
    expect((await admin().agents.get({ id: sleeper.agentId })).status).toBe('sleeping');
    expect((await admin().agents.wake({ id: sleeper.agentId })).status).toBe('idle');
  });

  it('deregistering terminates the agent and requeues its work', async () => {
    const a = await registerAgent(rt, { name: 'life-5', capabilities: ['dereg'] });
    await a.caller.agents.heartbeat({});
    const { ids } = await admin().tasks.submit({ title: 'orphan', capabilities: ['dereg'] });
    await a.caller.work.poll({ waitMs: 3000 });
    await a.caller.agents.deregister();
    expect((await admin().agents.get({ id: a.agentId })).status).toBe('terminated');
    expect((await admin().tasks.get({ id: ids[0] })).status).toBe('queued');

    // Its token still hears that it was terminated (so its worker stops cleanly), and does nothing else.
    const after = callerAs(rt, await rt.core.auth.authenticateBearer(a.token));
    expect(await after.agents.heartbeat({})).toMatchObject({ status: 'terminated' });
    expect(await after.agents.me()).toMatchObject({ status: 'terminated' });
    await expect(after.work.poll({ waitMs: 0 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('agent life-5 was terminated'),
    });
    await expect(after.agents.deregister()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(after.agents.signOff()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await admin().agents.get({ id: a.agentId })).status).toBe('terminated');
  });
});

const ON_A_TASK = ['working', 'waiting-for-input', 'stalled'];
const ON_NO_TASK = ['idle', 'done', 'failed'];

/** Status, tasks held and activity tell one story. */
function expectConsistent(a: {
  name: string;
  status: string;
  activeTasks: number;
  activity: { state: string } | null;
}) {
  const story = `${a.name}: status ${a.status}, ${a.activeTasks} task(s), activity ${a.activity?.state ?? 'none'}`;
  if (a.activeTasks > 0) {
    expect(a.status, story).not.toBe('idle');
    expect(ON_NO_TASK, story).not.toContain(a.activity?.state);
  } else {
    expect(a.status, story).not.toBe('busy');
    expect(ON_A_TASK, story).not.toContain(a.activity?.state);
  }
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not met in time');
}
