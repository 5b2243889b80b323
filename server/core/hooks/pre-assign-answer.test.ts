import { describe, expect, it } from 'vitest';
import { parseAnswer } from './pre-assign-answer';

describe('pre-assignment answers', () => {
  it('reads allow, veto and amend', () => {
    expect(parseAnswer({ allow: true })).toEqual({ kind: 'allow' });
    expect(parseAnswer({ allow: false, reason: 'change freeze' })).toEqual({ kind: 'veto', reason: 'change freeze' });
    expect(parseAnswer({ allow: false })).toEqual({ kind: 'veto', reason: 'no reason given' });
    expect(
      parseAnswer({ allow: true, amend: { labels: { team: 'infra' }, priority: 'high', note: 'hot fix' } }),
    ).toEqual({
      kind: 'amend',
      amend: { labels: { team: 'infra' }, priority: 'high' },
      note: 'hot fix',
    });
  });

  it('treats an amend of anything but labels, priority and a note as malformed', () => {
    for (const amend of [
      { agentId: 'agt_x' },
      { capabilities: ['gpu'] },
      { priority: 'urgent' },
      { labels: { a: 1 } },
    ]) {
      const v = parseAnswer({ allow: true, amend });
      expect(v.kind).toBe('failed');
      expect(v.kind === 'failed' && v.timedOut).toBe(false);
    }
    expect(parseAnswer({ allow: 'yes' }).kind).toBe('failed');
    expect(parseAnswer(null).kind).toBe('failed');
    expect(parseAnswer({ allow: true, agent: 'agt_x' }).kind).toBe('failed');
  });
});
