import { describe, expect, it } from 'vitest';
import { OutcomeWindow } from './outcome-window';

describe('OutcomeWindow', () => {
  it('keeps running counts over the last `size` outcomes', () => {
    const w = new OutcomeWindow(3);
    expect([w.calls, w.failures, w.failureRate]).toEqual([0, 0, null]);
    for (const ok of [false, false, true]) w.record(ok);
    expect([w.calls, w.failures, w.consecutiveFailures]).toEqual([3, 2, 0]);
    w.record(true); // the first failure slides out
    w.record(false);
    expect([w.calls, w.failures, w.consecutiveFailures]).toEqual([3, 1, 1]);
    expect(w.failureRate).toBeCloseTo(1 / 3);
  });

  it('counts failures in a row beyond the window size', () => {
    const w = new OutcomeWindow(2);
    for (let i = 0; i < 7; i++) w.record(false);
    expect([w.calls, w.failures, w.consecutiveFailures]).toEqual([2, 2, 7]);
  });

  it('counts the distinct sources of the failures still in the window', () => {
    const w = new OutcomeWindow(4);
    w.record(false, 'a');
    w.record(false, 'a');
    w.record(true, 'b');
    expect(w.failingSources()).toBe(1);
    w.record(false, 'c');
    expect(w.failingSources()).toBe(2);
    w.record(true, 'b'); // drops one of a's failures
    w.record(true, 'b'); // drops the other
    expect(w.failingSources()).toBe(1);
  });

  it('clears everything', () => {
    const w = new OutcomeWindow(4);
    w.record(false, 'a');
    w.clear();
    expect([w.calls, w.failures, w.consecutiveFailures, w.failingSources()]).toEqual([0, 0, 0, 0]);
  });
});
