import { beforeEach, describe, expect, it } from 'vitest';
import type { AlertEventPayload, AnyBusEvent } from '../events';
import { FakeClock, silentLogger } from '../testing/fakes';
import { MemoryDeliveryStore, MemoryNotifyStores } from '../testing/memory-notify';
import { NotificationPlanner } from './notification-planner';
import type { GroupAlert } from './ports';

const HOUR = 3_600_000;
let clock: FakeClock;
let deliveries: MemoryDeliveryStore;
let stores: MemoryNotifyStores;
let planner: NotificationPlanner;
let position = 0;

beforeEach(async () => {
  clock = new FakeClock();
  deliveries = new MemoryDeliveryStore(clock);
  stores = new MemoryNotifyStores(deliveries);
  planner = new NotificationPlanner({
    channels: stores.channels,
    notifications: stores.notifications,
    clock,
    log: silentLogger,
    publicUrl: () => 'https://fd.example.com',
    delivered: () => {},
  });
  await stores.channels.create({
    id: 'chn_1',
    name: 'ops',
    type: 'webhook',
    url: 'https://example.com',
    severities: [],
    matchers: [],
    repeatIntervalMs: HOUR,
    enabled: true,
    secret: 's',
    createdBy: { kind: 'system', id: 't', name: 't' },
  });
});

function alert(id: string, over: Partial<GroupAlert> = {}): GroupAlert {
  const a: GroupAlert = {
    id,
    fingerprint: `fp-${id}`,
    rule: 'QueueDeep',
    ruleId: 'rule_q',
    state: 'firing',
    severity: 'warning',
    labels: { group: 'g1', capability: id },
    summary: `${id} deep`,
    startsAt: clock.now(),
    firingAt: clock.now(),
    resolvedAt: null,
    silenced: false,
    inhibited: false,
    ...over,
  };
  stores.alerts.push(a);
  return a;
}

/** The event the engine's timeline step writes, as the log hands it over. */
const eventOf = (a: GroupAlert, kind: string): AnyBusEvent =>
  ({
    id: String(++position),
    name: kind === 'firing' || kind === 'resolved' || kind === 'acknowledged' ? `alert:${kind}` : 'alert:changed',
    at: clock.now(),
    payload: {
      alertId: a.id,
      kind,
      state: a.state,
      previous: null,
      rule: a.rule,
      ruleId: a.ruleId,
      severity: a.severity,
      labels: a.labels,
      summary: a.summary,
      groupKey: 'g1',
      fingerprint: a.fingerprint,
      by: { kind: 'system', id: 'engine', name: 'engine' },
      reason: 'test',
      note: null,
      silencedBy: null,
      inhibitedBy: null,
    } satisfies AlertEventPayload,
  }) as AnyBusEvent;

const sent = () => deliveries.rows.map((d) => ({ ...JSON.parse(d.body), key: d.dedupeKey }));

describe('the notification planner', () => {
  it('one message per group, a repeat once per interval with the alerts that joined, one on resolve', async () => {
    const a = alert('a');
    await planner.onEvent(eventOf(a, 'firing'));
    const b = alert('b');
    await planner.onEvent(eventOf(b, 'firing'));
    expect(sent()).toHaveLength(1);
    expect(sent()[0]).toMatchObject({ status: 'firing', reason: 'first notification', alerts: [{ id: 'a' }] });

    clock.advance(HOUR - 1);
    await planner.repeats();
    expect(sent()).toHaveLength(1);
    clock.advance(1);
    await planner.repeats();
    await planner.repeats();
    expect(sent()).toHaveLength(2);
    expect(sent()[1]).toMatchObject({ reason: 'repeat interval elapsed', alerts: [{ id: 'a' }, { id: 'b' }] });

    a.state = 'resolved';
    a.resolvedAt = clock.now();
    await planner.onEvent(eventOf(a, 'resolved'));
    expect(sent()).toHaveLength(2); // b still fires
    b.state = 'resolved';
    b.resolvedAt = clock.now();
    const last = eventOf(b, 'resolved');
    await planner.onEvent(last);
    expect(sent()).toHaveLength(3);
    expect(sent()[2]).toMatchObject({ status: 'resolved', alerts: [{ id: 'a' }, { id: 'b' }] });

    // The log hands an event again (at least once): nothing new.
    await planner.onEvent(last);
    await planner.onEvent(eventOf(a, 'firing'));
    clock.advance(HOUR);
    await planner.repeats();
    expect(sent()).toHaveLength(3);
  });

  it('acknowledged alerts are not repeated', async () => {
    const a = alert('a');
    await planner.onEvent(eventOf(a, 'firing'));
    a.state = 'acknowledged';
    await planner.onEvent(eventOf(a, 'acknowledged'));
    clock.advance(2 * HOUR);
    await planner.repeats();
    expect(sent()).toHaveLength(1);
  });

  it('silenced and inhibited alerts are not sent; the group is sent when the silence lifts', async () => {
    const a = alert('a', { silenced: true });
    const b = alert('b', { inhibited: true });
    await planner.onEvent(eventOf(a, 'firing'));
    await planner.onEvent(eventOf(b, 'firing'));
    clock.advance(2 * HOUR);
    await planner.repeats();
    expect(sent()).toEqual([]);
    a.silenced = false;
    await planner.onEvent(eventOf(a, 'unsilenced'));
    expect(sent()).toEqual([
      expect.objectContaining({ reason: 'first notification', alerts: [expect.objectContaining({ id: 'a' })] }),
    ]);
  });

  it('a group that fires again after resolving starts over with a first notification', async () => {
    const a = alert('a');
    await planner.onEvent(eventOf(a, 'firing'));
    a.state = 'resolved';
    a.resolvedAt = clock.now();
    await planner.onEvent(eventOf(a, 'resolved'));
    clock.advance(1_000);
    const again = alert('a2', { fingerprint: 'fp-a' });
    await planner.onEvent(eventOf(again, 'firing'));
    expect(sent().map((m) => m.reason)).toEqual(['first notification', 'all alerts resolved', 'first notification']);
    expect(new Set(sent().map((m) => m.key)).size).toBe(3);
  });
});
