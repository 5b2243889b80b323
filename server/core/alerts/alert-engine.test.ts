import { describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fakes';
import { userRef } from '../testing/actors';
import { evaluatePass, readingRequests } from './alert-engine';
import type { Alert, AlertRule, Reading, Silence } from './alert-model';
import { effectiveParams, readingKey } from './metric-catalogue';

const rule = (over: Partial<AlertRule> & Pick<AlertRule, 'id' | 'metric'>): AlertRule => ({
  name: over.id,
  builtin: false,
  filters: [],
  comparison: '>',
  threshold: 0,
  forMs: 0,
  severity: 'warning',
  labels: {},
  summary: '{{value}} for {{labels.capability}}',
  groupBy: [],
  params: {},
  enabled: true,
  createdBy: null,
  updatedBy: null,
  createdAt: 0,
  updatedAt: 0,
  ...over,
});

/** A running evaluator over in-memory alerts: each `pass` applies the engine's changes, as the store would. */
function harness(rules: AlertRule[], resolveDelayMs = 30_000) {
  const clock = new FakeClock();
  const alerts = new Map<string, Alert>();
  const steps: { id: string; kind: string; reason: string }[] = [];
  let silences: Silence[] = [];
  let n = 0;
  const pass = (readings: Record<string, Reading['labels'][] | [Reading['labels'], number][]>) => {
    const byKey = new Map<string, Reading[]>();
    for (const r of rules) {
      const key = readingKey(r.metric, effectiveParams(r.metric, r.params));
      byKey.set(
        key,
        (readings[r.metric] ?? []).map((x) =>
          Array.isArray(x)
            ? { metric: r.metric, labels: x[0], value: x[1] }
            : { metric: r.metric, labels: x, value: 1 },
        ),
      );
    }
    const open = [...alerts.values()].filter((a) => a.state !== 'resolved');
    const now = clock.now();
    const changes = evaluatePass({
      now,
      rules,
      readings: byKey,
      open,
      silences: silences.filter((s) => s.startsAt <= now && now < s.endsAt),
      resolveDelayMs,
      newId: () => `alt_${++n}`,
    });
    for (const c of changes) {
      const samples = [...(alerts.get(c.alert.id)?.samples ?? []), ...(c.sample ? [c.sample] : [])];
      alerts.set(c.alert.id, { ...c.alert, samples });
      for (const s of c.steps) steps.push({ id: c.alert.id, kind: s.kind, reason: s.reason });
    }
    return changes;
  };
  const byLabel = (k: string, v: string) => [...alerts.values()].filter((a) => a.labels[k] === v);
  return {
    clock,
    alerts,
    steps,
    pass,
    byLabel,
    kinds: (id: string) => steps.filter((s) => s.id === id).map((s) => s.kind),
    silence: (s: Partial<Silence> & Pick<Silence, 'matchers'>) => {
      const full: Silence = {
        id: `sil_${silences.length + 1}`,
        startsAt: clock.now(),
        endsAt: clock.now() + 60_000,
        createdBy: userRef('alice'),
        comment: 'maintenance',
        expiredBy: null,
        createdAt: clock.now(),
        ...s,
      };
      silences = [...silences, full];
      return full;
    },
  };
}

const gpu = { capability: 'gpu' };

describe('the alert engine', () => {
  it('stays pending until the condition held for `for`, then fires once', () => {
    const h = harness([rule({ id: 'r', metric: 'queue_depth', forMs: 60_000 })]);
    h.pass({ queue_depth: [gpu] });
    const [a] = h.byLabel('capability', 'gpu');
    expect(a.state).toBe('pending');
    h.clock.advance(59_000);
    h.pass({ queue_depth: [gpu] });
    expect(h.alerts.get(a.id)!.state).toBe('pending');
    h.clock.advance(1_000);
    h.pass({ queue_depth: [gpu] });
    expect(h.alerts.get(a.id)).toMatchObject({ state: 'firing', firingAt: h.clock.now() });
    h.clock.advance(5_000);
    h.pass({ queue_depth: [gpu] });
    expect(h.kinds(a.id)).toEqual(['pending', 'firing']);
    expect(h.alerts.get(a.id)!.samples).toHaveLength(1);
  });

  it('writes an open alert only when something changed: a step, a new reading, or a reading due again for its chart', () => {
    const h = harness([rule({ id: 'r', metric: 'queue_depth', forMs: 0 })]);
    h.pass({ queue_depth: [[gpu, 3]] });
    const [a] = h.byLabel('capability', 'gpu');
    h.clock.advance(5_000);
    expect(h.pass({ queue_depth: [[gpu, 3]] })).toEqual([]);
    h.clock.advance(5_000);
    // A changed reading waits out the sample gap (30 s plus its spread of up to a minute).
    expect(h.pass({ queue_depth: [[gpu, 4]] })).toEqual([]);
    h.clock.advance(90_000);
    expect(h.pass({ queue_depth: [[gpu, 4]] })).toMatchObject([{ sample: { value: 4 }, steps: [] }]);
    h.clock.advance(4 * 60_000);
    expect(h.pass({ queue_depth: [[gpu, 4]] })).toEqual([]);
    // Unchanged for more than 5 min (plus its spread of up to a minute): sampled again, so the chart reaches now.
    h.clock.advance(2 * 60_000);
    expect(h.pass({ queue_depth: [[gpu, 4]] })).toMatchObject([{ sample: { value: 4, at: h.clock.now() } }]);
    expect(h.alerts.get(a.id)!.samples.map((x) => x.value)).toEqual([3, 4, 4]);
  });

  it('resolves a pending alert quietly when its condition clears before `for`', () => {
    const h = harness([rule({ id: 'r', metric: 'queue_depth', forMs: 60_000 })]);
    h.pass({ queue_depth: [gpu] });
    h.clock.advance(10_000);
    h.pass({ queue_depth: [] });
    const [a] = h.byLabel('capability', 'gpu');
    expect(a).toMatchObject({ state: 'resolved', firingAt: null });
    expect(h.kinds(a.id)).toEqual(['pending', 'cleared']);
    expect(h.steps.at(-1)!.reason).toMatch(/cleared before it held for 1 min/);
  });

  it('deduplicates by rule and labels: one alert per capability however often it is seen', () => {
    const h = harness([rule({ id: 'r', metric: 'queue_depth' }), rule({ id: 's', metric: 'queue_depth' })]);
    for (let i = 0; i < 3; i++) {
      h.pass({ queue_depth: [gpu, { capability: 'cpu' }] });
      h.clock.advance(5_000);
    }
    expect(h.alerts.size).toBe(4);
    expect(new Set([...h.alerts.values()].map((a) => a.fingerprint)).size).toBe(4);
  });

  it('groups by the rule and its groupBy labels', () => {
    const h = harness([rule({ id: 'r', metric: 'agent_offline', groupBy: ['runtime'] })]);
    h.pass({
      agent_offline: [
        { agent: 'a', runtime: 'claude' },
        { agent: 'b', runtime: 'claude' },
        { agent: 'c', runtime: 'codex' },
      ],
    });
    const keys = [...h.alerts.values()].map((a) => a.groupKey).sort();
    expect(keys).toEqual(['r{runtime="claude"}', 'r{runtime="claude"}', 'r{runtime="codex"}']);
  });

  it('waits out the resolve delay, so a flapping condition keeps one alert', () => {
    const h = harness([rule({ id: 'r', metric: 'queue_depth' })], 30_000);
    h.pass({ queue_depth: [gpu] });
    const [a] = h.byLabel('capability', 'gpu');
    for (let i = 0; i < 4; i++) {
      h.clock.advance(10_000);
      h.pass({ queue_depth: [] });
      h.clock.advance(10_000);
      h.pass({ queue_depth: [gpu] });
    }
    expect(h.alerts.size).toBe(1);
    expect(h.alerts.get(a.id)).toMatchObject({ state: 'firing', clearSince: null });
    h.clock.advance(10_000);
    h.pass({ queue_depth: [] });
    h.clock.advance(29_000);
    h.pass({ queue_depth: [] });
    expect(h.alerts.get(a.id)!.state).toBe('firing');
    h.clock.advance(1_000);
    h.pass({ queue_depth: [] });
    expect(h.alerts.get(a.id)).toMatchObject({ state: 'resolved', resolvedAt: h.clock.now() });
    expect(h.kinds(a.id)).toEqual(['pending', 'firing', 'resolved']);
  });

  it('keeps an acknowledged alert acknowledged while the condition holds, and resolves it when it clears', () => {
    const h = harness([rule({ id: 'r', metric: 'queue_depth' })], 0);
    h.pass({ queue_depth: [gpu] });
    const [a] = h.byLabel('capability', 'gpu');
    h.alerts.set(a.id, { ...h.alerts.get(a.id)!, state: 'acknowledged', acknowledgedBy: userRef('alice') });
    h.clock.advance(5_000);
    h.pass({ queue_depth: [gpu] });
    expect(h.alerts.get(a.id)!.state).toBe('acknowledged');
    h.clock.advance(5_000);
    h.pass({ queue_depth: [] });
    expect(h.alerts.get(a.id)!.state).toBe('resolved');
  });

  it('marks alerts a silence matches, also new ones, and unmarks them when it expires', () => {
    const h = harness([rule({ id: 'r', metric: 'queue_depth' })]);
    const s = h.silence({ matchers: [{ name: 'capability', value: 'g.*', op: '=~' }], endsAt: h.clock.now() + 60_000 });
    h.pass({ queue_depth: [gpu, { capability: 'cpu' }] });
    h.clock.advance(10_000);
    h.pass({ queue_depth: [gpu, { capability: 'cpu' }, { capability: 'gpu2' }] });
    const silenced = [...h.alerts.values()].filter((a) => a.silencedBy === s.id).map((a) => a.labels.capability);
    expect(silenced.sort()).toEqual(['gpu', 'gpu2']);
    expect(h.byLabel('capability', 'gpu')[0].state).toBe('firing');
    h.clock.advance(50_000);
    h.pass({ queue_depth: [gpu, { capability: 'cpu' }, { capability: 'gpu2' }] });
    const [a] = h.byLabel('capability', 'gpu');
    expect(a.silencedBy).toBeNull();
    expect(h.kinds(a.id)).toEqual(['pending', 'firing', 'silenced', 'unsilenced']);
    expect(h.steps.find((x) => x.kind === 'silenced')!.reason).toContain('by alice: maintenance');
  });

  it("inhibits an offline agent's breaker and unhealthy alerts, and a runtime breaker's per-agent ones", () => {
    const h = harness([
      rule({ id: 'off', metric: 'agent_offline', comparison: '>=' }),
      rule({ id: 'brk', metric: 'breaker_open', comparison: '>=' }),
      rule({ id: 'unh', metric: 'agent_unhealthy', comparison: '>=' }),
    ]);
    const b1 = { breaker: 'agent', agent: 'b1', agent_id: 'agt_1', runtime: 'claude' };
    const b2 = { breaker: 'agent', agent: 'b2', agent_id: 'agt_2', runtime: 'codex' };
    const rt = { breaker: 'runtime', runtime: 'codex' };
    h.pass({ agent_offline: [{ agent: 'b1', agent_id: 'agt_1' }], breaker_open: [b1, b2, rt] });
    const [off] = h.byLabel('agent_id', 'agt_1').filter((a) => a.ruleId === 'off');
    const [brk1] = h.byLabel('agent_id', 'agt_1').filter((a) => a.ruleId === 'brk');
    const [brk2] = h.byLabel('agent_id', 'agt_2');
    const [rtb] = [...h.alerts.values()].filter((a) => a.labels.breaker === 'runtime');
    expect(brk1.inhibitedBy).toBe(off.id);
    expect(brk2.inhibitedBy).toBe(rtb.id);
    expect(off.inhibitedBy).toBeNull();
    expect(rtb.inhibitedBy).toBeNull();
    h.clock.advance(5_000);
    h.pass({ agent_offline: [], breaker_open: [b1, b2] });
    expect(h.alerts.get(brk2.id)!.inhibitedBy).toBe(rtb.id); // runtime alert waits out its resolve delay
    h.clock.advance(30_000);
    h.pass({ agent_offline: [], breaker_open: [b1, b2] });
    expect(h.alerts.get(brk1.id)!.inhibitedBy).toBeNull();
    expect(h.alerts.get(brk2.id)!.inhibitedBy).toBeNull();
    expect(h.kinds(brk2.id)).toEqual(['pending', 'firing', 'inhibited', 'uninhibited']);
  });

  it('applies filters, comparison and the summary template; a disabled rule resolves its alerts', () => {
    const rules = [
      rule({
        id: 'r',
        metric: 'queue_depth',
        filters: [{ name: 'capability', value: 'gpu', op: '=' }],
        comparison: '>=',
        threshold: 5,
        labels: { team: 'ml' },
      }),
    ];
    const h = harness(rules);
    h.pass({
      queue_depth: [
        [gpu, 4],
        [{ capability: 'cpu' }, 50],
      ],
    });
    expect(h.alerts.size).toBe(0);
    h.pass({ queue_depth: [[gpu, 5.5]] });
    const [a] = h.byLabel('capability', 'gpu');
    expect(a).toMatchObject({ summary: '5.5 for gpu', labels: { capability: 'gpu', team: 'ml' }, value: 5.5 });
    rules[0] = { ...rules[0], enabled: false };
    expect(readingRequests(rules)).toEqual([]);
    h.pass({ queue_depth: [[gpu, 9]] });
    expect(h.alerts.get(a.id)!.state).toBe('resolved');
  });
});
