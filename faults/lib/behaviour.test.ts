import { describe, expect, it } from 'vitest';
import { parseBehaviour, parseRange, verdictFor } from './behaviour';

const state = (failedSoFar = 0, file = false) => ({ failedSoFar, fileExists: () => file });

describe('behaviours', () => {
  it('parses every form and rejects others', () => {
    expect(parseBehaviour('ok')).toEqual({ kind: 'ok' });
    expect(parseBehaviour('fail-then-ok:5')).toEqual({ kind: 'fail-then-ok', failures: 5 });
    expect(parseBehaviour('fail-then-ok:/tmp/x')).toEqual({ kind: 'fail-then-ok', untilFile: '/tmp/x' });
    expect(() => parseBehaviour('flaky')).toThrow(/unknown behaviour/);
  });

  it('fails N times then completes, or until the file exists', () => {
    const n = parseBehaviour('fail-then-ok:2');
    expect([0, 1, 2].map((k) => verdictFor(n, { poison: false }, state(k)))).toEqual(['fail', 'fail', 'complete']);
    const f = parseBehaviour('fail-then-ok:/tmp/x');
    expect(verdictFor(f, { poison: false }, state(9, false))).toBe('fail');
    expect(verdictFor(f, { poison: false }, state(9, true))).toBe('complete');
  });

  it('dies on poison only when poison-dies', () => {
    expect(verdictFor(parseBehaviour('poison-dies'), { poison: true }, state())).toBe('die');
    expect(verdictFor(parseBehaviour('poison-dies'), { poison: false }, state())).toBe('complete');
    expect(verdictFor(parseBehaviour('ok'), { poison: true }, state())).toBe('complete');
    expect(verdictFor(parseBehaviour('fail-always'), { poison: false }, state())).toBe('fail');
  });

  it('reads delays as a fixed value or a range', () => {
    expect(parseRange('30')).toEqual([30, 30]);
    expect(parseRange('20-200')).toEqual([20, 200]);
    expect(() => parseRange('200-20')).toThrow();
  });
});
