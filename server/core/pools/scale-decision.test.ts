import { describe, expect, it } from 'vitest';
import { decideScale, type ScaleMember, type ScalePool } from './scale-decision';

const pool = (over: Partial<ScalePool> = {}): ScalePool => ({
  name: 'py',
  capabilities: ['python'],
  minSize: 0,
  maxSize: 10,
  targetBacklogPerAgent: 5,
  scaleUpCooldownMs: 10_000,
  scaleDownCooldownMs: 30_000,
  idleTimeoutMs: 60_000,
  lastScaleUpAt: null,
  lastScaleDownAt: null,
  ...over,
});
const member = (n: number, over: Partial<ScaleMember> = {}): ScaleMember => ({
  agentId: `a${n}`,
  name: `py-${n}`,
  status: 'busy',
  activeTasks: 1,
  idleForMs: 0,
  ...over,
});
const NOW = 1_000_000;

describe('decideScale', () => {
  it('scales from zero on matching backlog, up to the target per agent, and says why', () => {
    const d = decideScale({
      pool: pool(),
      backlog: 42,
      members: [member(1), member(2), member(3)],
      now: NOW,
      sleepWindow: null,
    });
    expect(d).toMatchObject({ action: 'scale-up', delta: 6, start: 6, wake: [] });
    expect(d.reason).toBe('backlog 42 for `python`, 3 agents awake, target 5/agent → +6 (start 6)');
    expect(decideScale({ pool: pool(), backlog: 3, members: [], now: NOW, sleepWindow: null })).toMatchObject({
      action: 'scale-up',
      start: 1,
    });
  });

  it('never goes past max, and wakes sleepers before starting new agents', () => {
    const members = [
      member(1),
      member(2, { status: 'sleeping', activeTasks: 0 }),
      member(3, { status: 'sleeping', activeTasks: 0 }),
    ];
    const d = decideScale({ pool: pool({ maxSize: 4 }), backlog: 500, members, now: NOW, sleepWindow: null });
    expect(d).toMatchObject({ action: 'scale-up', delta: 3, wake: ['a2', 'a3'], start: 1 });
    expect(d.reason).toContain('(max 4)');
  });

  it('holds inside the scale-up cool-down', () => {
    const d = decideScale({
      pool: pool({ lastScaleUpAt: NOW - 4_000 }),
      backlog: 20,
      members: [],
      now: NOW,
      sleepWindow: null,
    });
    expect(d).toMatchObject({ action: 'hold', delta: 0, start: 0 });
    expect(d.reason).toMatch(/held: scale-up cool-down, 6 s left/);
  });

  it('removes agents idle past the timeout down to min, and puts those within min to sleep', () => {
    const idle = (n: number, ms: number) => member(n, { status: 'idle', activeTasks: 0, idleForMs: ms });
    const d = decideScale({
      pool: pool({ minSize: 1 }),
      backlog: 0,
      members: [idle(1, 90_000), idle(2, 70_000), idle(3, 10_000)],
      now: NOW,
      sleepWindow: null,
    });
    expect(d).toMatchObject({ action: 'scale-down', remove: ['a1', 'a2'], sleep: [] });
    const later = decideScale({
      pool: pool({ minSize: 1 }),
      backlog: 0,
      members: [idle(3, 61_000)],
      now: NOW,
      sleepWindow: null,
    });
    expect(later).toMatchObject({ action: 'sleep', sleep: ['a3'], remove: [] });
  });

  it('never removes a busy agent or one the backlog still needs, and respects the scale-down cool-down', () => {
    const idle = member(2, { status: 'idle', activeTasks: 0, idleForMs: 120_000 });
    expect(
      decideScale({ pool: pool(), backlog: 0, members: [member(1), idle], now: NOW, sleepWindow: null }).remove,
    ).toEqual(['a2']);
    expect(
      decideScale({ pool: pool(), backlog: 10, members: [member(1), idle], now: NOW, sleepWindow: null }).action,
    ).toBe('none');
    const held = decideScale({
      pool: pool({ lastScaleDownAt: NOW - 1_000 }),
      backlog: 0,
      members: [idle],
      now: NOW,
      sleepWindow: null,
    });
    expect(held.action).toBe('hold');
  });

  it('brings the pool up to min and back under a lowered max', () => {
    expect(
      decideScale({ pool: pool({ minSize: 2 }), backlog: 0, members: [], now: NOW, sleepWindow: null }),
    ).toMatchObject({ action: 'scale-up', start: 2 });
    const members = [
      member(1, { status: 'idle', activeTasks: 0 }),
      member(2),
      member(3, { status: 'idle', activeTasks: 0 }),
    ];
    expect(
      decideScale({ pool: pool({ maxSize: 1 }), backlog: 0, members, now: NOW, sleepWindow: null }).remove,
    ).toHaveLength(2);
  });

  it('in a sleep window puts idle agents to sleep and starts nothing for backlog', () => {
    const members = [member(1), member(2, { status: 'idle', activeTasks: 0 })];
    const d = decideScale({
      pool: pool(),
      backlog: 100,
      members,
      now: NOW,
      sleepWindow: { text: 'daily 00:00-24:00', until: null },
    });
    expect(d).toMatchObject({ action: 'sleep', sleep: ['a2'], start: 0 });
  });
});

describe('decideScale holds', () => {
  // Saturday 2026-11-28 12:00 UTC, a weekend window: the pool wakes on Monday.
  const SAT = Date.parse('2026-11-28T12:00:00Z');
  const weekend = { text: 'Sat,Sun 00:00-24:00', until: Date.parse('2026-11-30T00:00:00Z') };

  it("a sleep window with backlog is a hold that says until when, in the pool's time zone", () => {
    const d = decideScale({ pool: pool(), backlog: 4, members: [], now: SAT, sleepWindow: weekend });
    expect(d).toMatchObject({ action: 'hold', start: 0, wake: [] });
    expect(d.reason).toBe(
      'backlog 4 for `python`, 0 agents awake, target 5/agent → +1 held: sleep window `Sat,Sun 00:00-24:00` (UTC) until Mon 00:00 UTC',
    );
    expect(d.hold).toMatchObject({
      kind: 'sleep-window',
      until: weekend.until,
      message: 'is asleep until Mon 00:00 UTC (sleep window `Sat,Sun 00:00-24:00` UTC)',
    });
    const berlin = decideScale({
      pool: pool({ timeZone: 'Europe/Berlin' }),
      backlog: 4,
      members: [],
      now: SAT,
      sleepWindow: weekend,
    });
    expect(berlin.hold!.message).toBe(
      'is asleep until Mon 01:00 Europe/Berlin (sleep window `Sat,Sun 00:00-24:00` Europe/Berlin)',
    );
    // No backlog: nothing is held back, so nothing to say.
    expect(decideScale({ pool: pool(), backlog: 0, members: [], now: SAT, sleepWindow: weekend }).action).toBe('none');
  });

  it('the same hold keeps its key from tick to tick (recorded once), a new one gets another', () => {
    const at = (now: number, over: Partial<ScalePool> = {}) =>
      decideScale({
        pool: pool({ lastScaleUpAt: NOW - 4_000, ...over }),
        backlog: 20,
        members: [],
        now,
        sleepWindow: null,
      });
    expect(at(NOW).hold).toMatchObject({ kind: 'scale-up-cooldown', until: NOW + 6_000 });
    expect(at(NOW + 2_000).hold!.key).toBe(at(NOW).hold!.key);
    expect(at(NOW + 2_000).reason).toMatch(/held: scale-up cool-down, 4 s left$/);
    expect(at(NOW, { lastScaleUpAt: NOW - 1_000 }).hold!.key).not.toBe(at(NOW).hold!.key);
    const asleep = (now: number) =>
      decideScale({ pool: pool(), backlog: 4 + now - SAT, members: [], now, sleepWindow: weekend }).hold!.key;
    expect(asleep(SAT + 60_000)).toBe(asleep(SAT));
  });

  it('at max size with more backlog than it can take, the pool holds and says so', () => {
    const d = decideScale({
      pool: pool({ maxSize: 2 }),
      backlog: 40,
      members: [member(1), member(2)],
      now: NOW,
      sleepWindow: null,
    });
    expect(d).toMatchObject({ action: 'hold', hold: { kind: 'max-size', message: 'is at its max size (2 agents)' } });
    expect(d.reason).toBe('backlog 40 for `python`, 2 agents awake, target 5/agent → +6 held: max size 2');
    expect(
      decideScale({ pool: pool({ maxSize: 0 }), backlog: 1, members: [], now: NOW, sleepWindow: null }).hold,
    ).toMatchObject({ kind: 'max-size' });
    // A sleeping member is woken first: that is growth, not a hold.
    expect(
      decideScale({
        pool: pool({ maxSize: 2 }),
        backlog: 40,
        members: [member(1), member(2, { status: 'sleeping', activeTasks: 0 })],
        now: NOW,
        sleepWindow: null,
      }).action,
    ).toBe('scale-up');
  });

  it('a crash loop or a missing provider starts nothing, not even up to min', () => {
    const crashLoop = {
      kind: 'crash-loop' as const,
      key: 'crash-loop:a1:1',
      until: NOW + 300_000,
      message: 'starts no agents until …: `py-1` crashed 4 times (exited with code 3)',
    };
    const d = decideScale({
      pool: pool({ minSize: 1 }),
      backlog: 0,
      members: [],
      now: NOW,
      sleepWindow: null,
      crashLoop,
    });
    expect(d).toMatchObject({ action: 'hold', start: 0, hold: crashLoop });
    expect(decideScale({ pool: pool(), backlog: 20, members: [], now: NOW, sleepWindow: null, crashLoop }).hold).toBe(
      crashLoop,
    );
    expect(decideScale({ pool: pool(), backlog: 0, members: [], now: NOW, sleepWindow: null, crashLoop }).action).toBe(
      'none',
    );
    const none = decideScale({
      pool: pool(),
      backlog: 20,
      members: [],
      now: NOW,
      sleepWindow: null,
      providerAvailable: false,
      providerKind: 'docker',
    });
    expect(none).toMatchObject({
      action: 'hold',
      start: 0,
      hold: {
        kind: 'provider-unavailable',
        message: 'cannot start agents: the docker provider is not available on this server',
      },
    });
  });
});
