import { describe, expect, it } from 'vitest';
import { isCoreError } from '../errors';
import { FakeClock } from '../testing/fakes';
import { BreakerBoard, type BreakerBoardOptions } from './breaker-board';
import { agentBreakerKey, parseBreakerKey, runtimeBreakerKey } from './breaker-keys';
import type { BreakerTransition } from './circuit-breaker';
import { userRef } from '../testing/actors';

function setup(options: Partial<BreakerBoardOptions> = {}) {
  const clock = new FakeClock();
  const transitions: BreakerTransition[] = [];
  const board = new BreakerBoard({ clock, onTransition: (t) => transitions.push(t), ...options });
  const fail = (agentId: string, runtime: string, n: number) => {
    for (let i = 0; i < n; i++) board.recordOutcome({ agentId, runtime, ok: false });
  };
  const succeed = (agentId: string, runtime: string, n: number) => {
    for (let i = 0; i < n; i++) board.recordOutcome({ agentId, runtime, ok: true });
  };
  return { clock, board, transitions, fail, succeed };
}

describe('BreakerBoard routing', () => {
  it('reads closed for agents never seen, without creating breakers', () => {
    const { board } = setup();
    expect(board.routable('a1', 'claude')).toEqual({ state: 'closed' });
    expect(board.snapshot('agent:a1')).toMatchObject({ state: 'closed', calls: 0, reason: null });
    expect(board.size).toBe(0);
  });

  it('feeds both the agent and its runtime, and an agent breaker blocks only that agent', () => {
    const { board, fail, succeed } = setup();
    succeed('a2', 'claude', 15);
    fail('a1', 'claude', 5);
    // Five failures in a row, but all a1's: its own breaker's business, not the runtime's.
    expect(board.snapshot('runtime:claude')).toMatchObject({
      state: 'closed',
      calls: 20,
      failures: 5,
      consecutiveFailures: 5,
    });
    expect(board.routable('a1', 'claude')).toEqual({
      state: 'open',
      reason: 'agent breaker open: 5 of 5 calls failed (100 %)',
    });
    expect(board.routable('a2', 'claude')).toEqual({ state: 'closed' });
    fail('a2', 'claude', 1);
    expect(board.snapshot('runtime:claude')).toMatchObject({
      state: 'open',
      reason: '6 consecutive failures across 2 agents',
    });
  });

  it('lets a single agent open its runtime when runtimeMinAgents is 1, with the runtime policy', () => {
    const { board, fail } = setup({ runtimeMinAgents: 1, runtimePolicy: { consecutiveFailures: 3, minCalls: 5 } });
    fail('a1', 'claude', 3);
    expect(board.snapshot('runtime:claude')).toMatchObject({ state: 'open', reason: '3 consecutive failures' });
    expect(board.snapshot('agent:a1').state).toBe('closed');
  });

  it('a runtime breaker opening blocks every agent of that runtime, and no other', () => {
    const { board, fail, succeed } = setup();
    for (const id of ['a1', 'a2']) {
      succeed(id, 'codex', 2);
      fail(id, 'codex', 2);
    } // each agent below its minimum
    expect(board.snapshot('runtime:codex')).toMatchObject({
      state: 'open',
      reason: '4 of 8 calls failed (50 %) across 2 agents',
    });
    expect(board.snapshot('agent:a1').state).toBe('closed');
    for (const id of ['a1', 'a2', 'never-seen']) {
      expect(board.routable(id, 'codex')).toEqual({
        state: 'open',
        reason: 'runtime codex breaker open: 4 of 8 calls failed (50 %) across 2 agents',
      });
    }
    expect(board.routable('a1', 'claude')).toEqual({ state: 'closed' });
  });

  it('lets one task at a time probe a half-open agent', () => {
    const { board, clock, fail, succeed } = setup();
    fail('a1', 'claude', 5);
    clock.advance(30_000);
    expect(board.routable('a1', 'claude')).toEqual({
      state: 'half-open',
      reason: 'agent breaker half-open: one probe allowed',
    });
    const claim = board.claimProbe('a1', 'claude');
    expect(claim).toEqual(['agent:a1']);
    expect(board.claimProbe('a1', 'claude')).toBeNull();
    expect(board.routable('a1', 'claude')).toEqual({
      state: 'open',
      reason: 'agent breaker half-open: probe in flight',
    });
    board.releaseProbe(claim!);
    expect(board.claimProbe('a1', 'claude')).toEqual(['agent:a1']);
    succeed('a1', 'claude', 1);
    expect(board.routable('a1', 'claude')).toEqual({ state: 'closed' });
    expect(board.claimProbe('a1', 'claude')).toEqual([]); // closed: nothing to claim, go ahead
  });

  it('claims the runtime probe for one agent only', () => {
    const { board, clock, fail } = setup();
    fail('a1', 'codex', 3);
    fail('a2', 'codex', 2);
    expect(board.list({ state: ['open'] }).map((s) => s.key)).toEqual(['runtime:codex']);
    clock.advance(30_000);
    expect(board.routable('a3', 'codex').state).toBe('half-open');
    expect(board.claimProbe('a3', 'codex')).toEqual(['runtime:codex']);
    expect(board.claimProbe('a4', 'codex')).toBeNull();
    expect(board.routable('a4', 'codex')).toEqual({
      state: 'open',
      reason: 'runtime codex breaker half-open: probe in flight',
    });
    board.recordOutcome({ agentId: 'a1', runtime: 'codex', ok: false }); // a straggler, not the probe
    expect(board.snapshot('runtime:codex')).toMatchObject({ state: 'half-open', probeInFlight: true });
    board.recordOutcome({ agentId: 'a3', runtime: 'codex', ok: true });
    expect(board.snapshot('runtime:codex')).toMatchObject({ state: 'closed', reason: 'probe succeeded' });
  });

  it('refresh moves due breakers to half-open so listeners hear of it unasked', () => {
    const { board, clock, fail, transitions } = setup();
    fail('a1', 'claude', 5);
    fail('a2', 'claude', 1);
    clock.advance(10_000);
    expect(board.refresh()).toBe(0);
    clock.advance(20_000);
    expect(board.refresh()).toBe(2); // the agent's and the runtime's
    expect(transitions.slice(-2).map((t) => [t.key, t.to, t.reason])).toEqual([
      ['agent:a1', 'half-open', 'cool-down 30 s elapsed'],
      ['runtime:claude', 'half-open', 'cool-down 30 s elapsed'],
    ]);
    expect(
      board
        .list({ state: ['half-open'] })
        .map((s) => s.key)
        .sort(),
    ).toEqual(['agent:a1', 'runtime:claude']);
  });
});

describe('BreakerBoard operator actions and history', () => {
  it('force-open survives the cool-down until reset, and both are recorded with who', () => {
    const { board, clock, transitions } = setup();
    board.forceOpen('runtime:claude', userRef('alice'));
    clock.advance(3_600_000);
    expect(board.refresh()).toBe(0);
    expect(board.routable('a1', 'claude')).toEqual({
      state: 'open',
      reason: 'runtime claude breaker open: forced open by alice',
    });
    expect(board.claimProbe('a1', 'claude')).toBeNull();
    expect(board.reset('runtime:claude', userRef('bob'))).toMatchObject({ state: 'closed', forcedBy: null });
    expect(board.routable('a1', 'claude')).toEqual({ state: 'closed' });
    expect(transitions.map((t) => [t.to, t.reason, t.by])).toEqual([
      ['open', 'forced open by alice', userRef('alice')],
      ['closed', 'reset by bob', userRef('bob')],
    ]);
  });

  it('rejects malformed keys', () => {
    const { board } = setup();
    const error = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return isCoreError(e) ? `${e.code}: ${e.message}` : String(e);
      }
      return null;
    };
    expect(error(() => board.reset('a1', userRef('alice')))).toBe(
      'INVALID: breaker key must be agent:<id> or runtime:<label>, not "a1"',
    );
  });

  it('keeps a bounded history per key, newest first', () => {
    const { board, clock, fail } = setup({ historyPerKey: 4 });
    fail('a1', 'claude', 5);
    for (let i = 0; i < 5; i++) {
      clock.advance(300_000);
      board.claimProbe('a1', 'claude');
      fail('a1', 'claude', 1);
    }
    const h = board.history('agent:a1');
    expect(h).toHaveLength(4);
    expect(h.map((t) => t.to)).toEqual(['open', 'half-open', 'open', 'half-open']);
    expect(h[0].reason).toBe('probe failed; cool-down now 5 min');
    expect(board.history('agent:a1', 1)).toEqual([h[0]]);
    expect(board.history('agent:nobody')).toEqual([]);
  });

  it('forget drops the agent breaker but keeps its runtime', () => {
    const { board, fail } = setup();
    fail('a1', 'claude', 5);
    fail('a2', 'claude', 1);
    board.forget('a1');
    expect(board.routable('a1', 'other')).toEqual({ state: 'closed' });
    expect(board.history('agent:a1')).toEqual([]);
    expect(board.routable('a2', 'claude').state).toBe('open');
  });

  it('reports a throwing listener and carries on', () => {
    const errors: string[] = [];
    const { board, fail } = setup({
      onTransition: () => {
        throw new Error('db down');
      },
      onError: (e, t) => errors.push(`${t.key}: ${(e as Error).message}`),
    });
    fail('a1', 'claude', 5);
    expect(errors).toEqual(['agent:a1: db down']);
    expect(board.routable('a1', 'claude').state).toBe('open');
  });
});

describe('BreakerBoard bounds', () => {
  it('keeps at most maxBreakers, dropping closed ones before open ones', () => {
    const { board, fail, succeed } = setup({ maxBreakers: 4 });
    fail('sick', 'rt', 5); // the oldest, and open
    for (let i = 0; i < 10; i++) succeed(`a${i}`, 'rt', 1);
    expect(board.size).toBe(4);
    expect(board.state('agent:sick')).toBe('open');
    expect(
      board
        .list()
        .map((s) => s.key)
        .sort(),
    ).toEqual(['agent:a8', 'agent:a9', 'agent:sick', 'runtime:rt']);
  });

  it('parses keys', () => {
    expect(parseBreakerKey(agentBreakerKey('x:y'))).toEqual({ kind: 'agent', id: 'x:y' });
    expect(parseBreakerKey(runtimeBreakerKey('claude'))).toEqual({ kind: 'runtime', id: 'claude' });
    expect(parseBreakerKey('pool:p')).toBeNull();
    expect(parseBreakerKey('agent:')).toBeNull();
  });
});
