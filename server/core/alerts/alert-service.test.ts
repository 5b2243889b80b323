import { describe, expect, it } from 'vitest';
import type { Store } from '../ports';
import { FakeClock, silentLogger } from '../testing/fakes';
import { userContext } from '../testing/actors';
import { MemoryAlertStore } from '../testing/memory-alerts';
import { AlertEvaluator } from './alert-evaluator';
import { expectOf } from './alert-model';
import { AlertRules } from './alert-rules';
import { AlertService } from './alert-service';

/** The evaluator and the operator's verbs over the in-memory alert store, on a fake clock. */
function setup() {
  const clock = new FakeClock();
  const alerts = new MemoryAlertStore();
  const store = {
    alerts,
    auth: { countUsers: async () => 1, userByName: async (n: string) => (n === 'bob' ? { name: n } : null) },
    agents: { get: async () => null, live: async () => [] },
    pools: { list: async () => [] },
  } as unknown as Store;
  const rules = new AlertRules(
    store,
    () => {},
    () => clock.now(),
  );
  const evaluator = new AlertEvaluator(store, rules, clock, silentLogger, 30_000);
  const service = new AlertService(
    { store, clock } as unknown as ConstructorParameters<typeof AlertService>[0],
    () => {},
  );
  const gpuStarved = () => {
    alerts.readingsNow = [{ metric: 'unservable_queued', labels: { capability: 'gpu' }, value: 2 }];
  };
  const only = async () => {
    const open = await alerts.openAlerts();
    expect(open).toHaveLength(1);
    return open[0];
  };
  return { clock, alerts, evaluator, service, gpuStarved, only };
}

const alice = userContext('alice');

describe('alert verbs', () => {
  it('acknowledges only a firing alert; it stays acknowledged while the condition holds, then resolves', async () => {
    const t = setup();
    t.gpuStarved();
    await t.evaluator.pass();
    const a = await t.only();
    expect(a).toMatchObject({ ruleId: 'builtin:no-capable-agent', state: 'pending' });
    await expect(t.service.acknowledge(alice, { id: a.id })).rejects.toMatchObject({ code: 'CONFLICT' });

    t.clock.advance(30_000);
    await t.evaluator.pass();
    const acked = await t.service.acknowledge(alice, { id: a.id, note: 'on it' });
    expect(acked).toMatchObject({ state: 'acknowledged', acknowledgedBy: { name: 'alice' } });
    t.clock.advance(60_000);
    await t.evaluator.pass();
    expect((await t.only()).state).toBe('acknowledged');

    t.alerts.readingsNow = [];
    await t.evaluator.pass();
    t.clock.advance(30_000);
    await t.evaluator.pass();
    expect(t.alerts.alerts.get(a.id)!.state).toBe('resolved');
    const steps = (await t.alerts.timeline(a.id)).map(
      (s) => `${s.kind} by ${s.actor.name}${s.note ? `: ${s.note}` : ''}`,
    );
    expect(steps).toEqual([
      'pending by alert evaluator',
      'firing by alert evaluator',
      'acknowledged by alice: on it',
      'resolved by alert evaluator',
    ]);
  });

  it('resolves by hand; a condition that still holds opens a new alert on the next pass', async () => {
    const t = setup();
    t.gpuStarved();
    await t.evaluator.pass();
    const first = await t.only();
    expect((await t.service.resolve(alice, { id: first.id })).state).toBe('resolved');
    await expect(t.service.resolve(alice, { id: first.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    await t.evaluator.pass();
    const second = await t.only();
    expect(second.id).not.toBe(first.id);
    expect(second.fingerprint).toBe(first.fingerprint);
  });

  it('silences matching alerts at once and unsilences them after the silence is expired', async () => {
    const t = setup();
    t.gpuStarved();
    await t.evaluator.pass();
    const a = await t.only();
    const s = await t.service.silence(alice, {
      matchers: [{ name: 'alertname', value: 'No capable agent', op: '=' }],
      durationMs: 3_600_000,
      comment: 'known',
    });
    expect((await t.only()).silencedBy).toBe(s.id);
    t.clock.advance(5_000);
    await t.service.expireSilence(alice, { id: s.id });
    t.clock.advance(1);
    await t.evaluator.pass();
    expect((await t.only()).silencedBy).toBeNull();
    const kinds = (await t.alerts.timeline(a.id)).map((x) => `${x.kind} by ${x.actor.name}`);
    expect(kinds).toEqual(['pending by alert evaluator', 'silenced by alice', 'unsilenced by alert evaluator']);
  });

  it('assigns to a known user only, and a stale write (an operator acted meanwhile) is not applied', async () => {
    const t = setup();
    t.gpuStarved();
    await t.evaluator.pass();
    const a = await t.only();
    await expect(t.service.assign(alice, { id: a.id, to: 'mallory' })).rejects.toMatchObject({ code: 'INVALID' });
    const read = await t.only();
    await t.service.assign(alice, { id: a.id, to: 'bob' });
    const stale = { alert: { ...read, summary: 'stale' }, insert: false, expect: expectOf(read), steps: [] };
    expect(await t.alerts.apply([stale])).toEqual([]);
    expect(await t.only()).toMatchObject({ assignee: 'bob', summary: read.summary });
  });
});
