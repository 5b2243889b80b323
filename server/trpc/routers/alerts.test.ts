import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userActor } from '@/server/core/testing/actors';
import { adminPrincipal, callerAs, registerAgent, startTestRuntime } from '@/server/testing/test-runtime';

let rt: Awaited<ReturnType<typeof startTestRuntime>>;
beforeAll(async () => {
  // Evaluate often and resolve at once, so each step shows within a poll.
  rt = await startTestRuntime({ FLIGHTDECK_ALERT_EVAL_MS: '150', FLIGHTDECK_ALERT_RESOLVE_DELAY_MS: '0' });
});
afterAll(async () => {
  await rt.dispose();
});

const admin = () => callerAs(rt, adminPrincipal);
const alice = () => callerAs(rt, userActor('alice', 'operator'));
const viewer = () => callerAs(rt, userActor('vic', 'viewer'));

/** The open alert of `ruleId` whose labels include `labels`, once it is in `state`. */
async function alertIn(ruleId: string, labels: Record<string, string>, state: string) {
  let found: Awaited<ReturnType<ReturnType<typeof admin>['alerts']['list']>>['items'][number] | undefined;
  await expect
    .poll(
      async () => {
        const { items } = await admin().alerts.list({ state: state as 'firing' });
        found = items.find((a) => a.ruleId === ruleId && Object.entries(labels).every(([k, v]) => a.labels[k] === v));
        return found?.state;
      },
      { timeout: 10_000 },
    )
    .toBe(state);
  return found!;
}

async function alertEvents(alertId: string) {
  const events = await rt.core.deps.store.events.after(0, 100_000);
  return events
    .filter((e) => e.name.startsWith('alert:') && (e.payload as { alertId: string }).alertId === alertId)
    .map((e) => {
      const p = e.payload as { kind: string; silencedBy: string | null };
      return `${e.name}:${p.kind}${p.silencedBy ? ' (silenced)' : ''}`;
    });
}

describe('the no-capable-agent alert', () => {
  it('fires after its for, is acknowledged and silenced, and resolves once a capable agent registers', async () => {
    await alice().alerts.rules.update({ id: 'builtin:no-capable-agent', forMs: 300 });
    const { ids } = await admin().tasks.submit({ title: 'needs gpu', capabilities: ['gpu-x'] });

    const firing = await alertIn('builtin:no-capable-agent', { capability: 'gpu-x' }, 'firing');
    expect(firing).toMatchObject({ severity: 'critical', rule: 'No capable agent', silencedBy: null });
    expect(firing.summary).toContain('gpu-x');
    expect(firing.firingAt! - firing.startsAt).toBeGreaterThanOrEqual(300);
    expect((await admin().alerts.counts()).firing.critical).toBeGreaterThanOrEqual(1);

    const detail = await admin().alerts.get({ id: firing.id });
    expect(detail.affects).toMatchObject({ capability: 'gpu-x', tasks: ids });
    expect(detail.samples.length).toBeGreaterThan(0);

    const acked = await alice().alerts.acknowledge({ id: firing.id, note: 'looking for a GPU box' });
    expect(acked).toMatchObject({ state: 'acknowledged', acknowledgedBy: { kind: 'user', name: 'alice' } });
    await expect(alice().alerts.acknowledge({ id: firing.id })).rejects.toMatchObject({ code: 'CONFLICT' });

    const silence = await alice().alerts.silence({
      matchers: [{ name: 'capability', value: 'gpu-x', op: '=' }],
      durationMs: 600_000,
      comment: 'hardware on order',
    });
    expect((await admin().alerts.get({ id: firing.id })).silencedBy).toBe(silence.id);
    expect((await admin().alerts.silences()).map((s) => s.id)).toContain(silence.id);

    await alice().alerts.expireSilence({ id: silence.id });
    await expect
      .poll(async () => (await admin().alerts.get({ id: firing.id })).silencedBy, { timeout: 10_000 })
      .toBeNull();
    expect((await admin().alerts.silences()).map((s) => s.id)).not.toContain(silence.id);

    await registerAgent(rt, { name: 'gpu-box', capabilities: ['gpu-x'] });
    await expect
      .poll(async () => (await admin().alerts.get({ id: firing.id })).state, { timeout: 10_000 })
      .toBe('resolved');

    const { timeline } = await admin().alerts.get({ id: firing.id });
    expect(timeline.map((t) => t.kind)).toEqual([
      'pending',
      'firing',
      'acknowledged',
      'silenced',
      'unsilenced',
      'resolved',
    ]);
    expect(timeline[2]).toMatchObject({ actor: { kind: 'user', name: 'alice' }, note: 'looking for a GPU box' });
    expect(timeline[3].actor.name).toBe('alice');
    expect(timeline[5].actor).toMatchObject({ kind: 'system', id: 'alert-evaluator' });
    await expect
      .poll(() => alertEvents(firing.id))
      .toEqual([
        'alert:changed:pending',
        'alert:firing:firing',
        'alert:acknowledged:acknowledged',
        'alert:changed:silenced (silenced)',
        'alert:changed:unsilenced',
        'alert:resolved:resolved',
      ]);
  });
});

describe('the breaker-open alert', () => {
  it('offers reset-breaker, refuses a viewer, and resolves once an operator runs it', async () => {
    const { agentId } = await registerAgent(rt, { name: 'build-3', capabilities: ['build'] });
    await admin().agents.forceOpenBreaker({ id: agentId, scope: 'agent' });
    const alert = await alertIn('builtin:breaker-open', { agent_id: agentId }, 'firing');
    expect(alert.labels).toMatchObject({ breaker: 'agent', agent: 'build-3' });

    const detail = await admin().alerts.get({ id: alert.id });
    expect(detail.remedies.map((r) => r.action)).toContain('reset-breaker');
    expect(detail.affects.agents.map((a) => a.name)).toEqual(['build-3']);

    await expect(viewer().alerts.remedy({ id: alert.id, action: 'reset-breaker' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(alice().alerts.remedy({ id: alert.id, action: 'retry-dead-letters' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const { did } = await alice().alerts.remedy({ id: alert.id, action: 'reset-breaker' });
    expect(did).toBe('reset the breaker of build-3');
    expect((await admin().agents.breaker({ id: agentId })).agent.state).toBe('closed');

    await expect
      .poll(async () => (await admin().alerts.get({ id: alert.id })).state, { timeout: 10_000 })
      .toBe('resolved');
    const { timeline } = await admin().alerts.get({ id: alert.id });
    expect(timeline.find((t) => t.kind === 'remedy')).toMatchObject({
      actor: { name: 'alice' },
      reason: expect.stringContaining('reset the breaker of build-3'),
    });
  });

  it('a manual resolve closes the alert; a condition that still holds opens a new one', async () => {
    const { agentId } = await registerAgent(rt, { name: 'build-4', capabilities: ['build'] });
    await admin().agents.forceOpenBreaker({ id: agentId, scope: 'agent' });
    const first = await alertIn('builtin:breaker-open', { agent_id: agentId }, 'firing');
    const resolved = await alice().alerts.resolve({ id: first.id });
    expect(resolved.state).toBe('resolved');
    const again = await alertIn('builtin:breaker-open', { agent_id: agentId }, 'firing');
    expect(again.id).not.toBe(first.id);
    expect(again.fingerprint).toBe(first.fingerprint);
    const { timeline } = await admin().alerts.get({ id: first.id });
    expect(timeline.at(-1)).toMatchObject({ kind: 'resolved', reason: 'resolved by alice' });
  });
});

describe('rules and permissions', () => {
  it('refuses invalid rules naming the field', async () => {
    const base = { name: 'deep queue', metric: 'queue_depth', comparison: '>' as const, threshold: 10, summary: 'x' };
    const refused = async (input: object, field: string) =>
      expect(alice().alerts.rules.create({ ...base, ...input } as typeof base)).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringContaining(field),
      });
    await refused({ metric: 'queue_length' }, 'metric');
    await refused({ comparison: '=>' }, 'comparison');
    await refused({ threshold: Infinity }, 'threshold');
    await refused({ forMs: 25 * 3_600_000 }, 'forMs');
    await refused({ severity: 'urgent' }, 'severity');
    await refused({ summary: '{{labels.capability}} at {{valu}}' }, 'summary');
    await refused({ filters: [{ name: 'capability', value: '(', op: '=~' }] }, 'not a valid regular expression');
  });

  it('creates, edits and deletes operator rules; built-in rules are tuned, never deleted', async () => {
    const rule = await alice().alerts.rules.create({
      name: 'gpu queue',
      metric: 'queue_depth',
      filters: [{ name: 'capability', value: 'gpu.*', op: '=~' }],
      comparison: '>=',
      threshold: 3,
      summary: '{{value}} queued for {{labels.capability}}',
      groupBy: ['capability'],
    });
    expect(rule).toMatchObject({ builtin: false, forMs: 60_000, severity: 'warning', createdBy: { name: 'alice' } });
    expect((await alice().alerts.rules.update({ id: rule.id, threshold: 5 })).threshold).toBe(5);
    await expect(alice().alerts.rules.create({ ...rule, id: undefined } as never)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await alice().alerts.rules.delete({ id: rule.id })).toEqual({ deleted: true });

    const { rules, metrics } = await admin().alerts.rules.list();
    expect(rules.filter((r) => r.builtin).length).toBeGreaterThanOrEqual(15);
    expect(metrics.map((m) => m.name)).toContain('unservable_queued');
    await expect(alice().alerts.rules.delete({ id: 'builtin:queue-depth' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(
      alice().alerts.rules.update({ id: 'builtin:queue-depth', metric: 'agent_offline' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('metric') });
  });

  it('reads every metric of the catalogue without a failed pass', async () => {
    await rt.core.evaluateAlertsNow();
    const loop = rt.core.loopSnapshots().find((l) => l.name === 'alert-evaluator');
    expect(loop).toMatchObject({ errors: 0, lastError: null });
    expect(loop!.ticks).toBeGreaterThanOrEqual(1);
  });

  it('lets a viewer read and refuses every write', async () => {
    await expect(viewer().alerts.list()).resolves.toHaveProperty('items');
    await expect(viewer().alerts.counts()).resolves.toHaveProperty('badge');
    await expect(viewer().alerts.acknowledge({ id: 'alt_x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      viewer().alerts.silence({ matchers: [{ name: 'a', value: 'b', op: '=' }], durationMs: 60_000, comment: 'x' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      viewer().alerts.rules.create({ name: 'v', metric: 'queue_depth', comparison: '>', threshold: 1, summary: 's' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
