import { describe, expect, it } from 'vitest';
import { fillTemplate, shellAdapter, ShellOutputParser } from './shell';

describe('shell adapter', () => {
  it('fills the template shell-quoted, so a prompt cannot inject commands', () => {
    expect(fillTemplate('echo {prompt} {taskId}', { prompt: "it's $(rm -rf /)", taskId: 't1', title: 'x' })).toBe(
      `echo 'it'\\''s $(rm -rf /)' 't1'`,
    );
  });

  it('passes the task in the environment and as JSON on stdin', () => {
    const cmd = shellAdapter({ extraArgs: [], shellCommand: 'run {title}' }).taskCommand({
      taskId: 't1',
      attempt: 2,
      title: 'T',
      prompt: 'P',
      payload: { a: 1 },
      sessionId: null,
    });
    expect(cmd.args).toEqual(['-c', "run 'T'"]);
    expect(cmd.env).toMatchObject({
      FLIGHTDECK_TASK_ID: 't1',
      FLIGHTDECK_TASK_ATTEMPT: '2',
      FLIGHTDECK_TASK_PROMPT: 'P',
      FLIGHTDECK_TASK_PAYLOAD: '{"a":1}',
    });
    expect(JSON.parse(cmd.stdin!)).toMatchObject({ taskId: 't1', payload: { a: 1 } });
  });

  it('needs a command', () => {
    expect(() => shellAdapter({ extraArgs: [] })).toThrow(/--command/);
  });

  it('speaks the :: protocol and streams every other line', () => {
    const p = new ShellOutputParser();
    const all = [
      '::progress 40 halfway',
      '::context 1200/8000',
      '::rate-limited +30',
      '::waiting which branch?',
      'main',
      '::session s-1',
      '::result {"ok":true}',
      '::unknown x',
    ].flatMap((l) => p.parse(l));
    expect(all).toEqual([
      { type: 'progress', percent: 40, message: 'halfway' },
      { type: 'context', used: 1200, window: 8000 },
      { type: 'rate-limited', resetAt: expect.any(Number), detail: 'rate limited until +30' },
      { type: 'activity', state: 'waiting-for-input', detail: 'which branch?' },
      { type: 'activity', state: 'working' },
      { type: 'output', text: 'main' },
      { type: 'session', sessionId: 's-1' },
      { type: 'result', data: { ok: true } },
      { type: 'output', text: '::unknown x' },
    ]);
  });
});
