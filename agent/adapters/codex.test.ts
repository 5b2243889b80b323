import { describe, expect, it } from 'vitest';
import { ofType, replay } from '../testing/replay';
import { codexAdapter, CodexStreamParser } from './codex';

const task = { taskId: 't1', attempt: 1, title: 'Greet', prompt: 'add greet()', payload: null, sessionId: null };

describe('codex adapter', () => {
  it('runs `codex exec --json`, resuming a thread with `exec resume <id>`', () => {
    const adapter = codexAdapter({ extraArgs: ['--sandbox', 'workspace-write'] });
    expect(adapter.taskCommand(task).args).toEqual([
      'exec',
      '--json',
      '--skip-git-repo-check',
      '--sandbox',
      'workspace-write',
      'add greet()',
    ]);
    expect(adapter.taskCommand({ ...task, sessionId: '0199a213' }).args).toEqual([
      'exec',
      '--json',
      '--skip-git-repo-check',
      '--sandbox',
      'workspace-write',
      'resume',
      '0199a213',
      'add greet()',
    ]);
    expect(adapter.consolidationCommand('0199a213')).toBeNull();
  });

  it('reads the thread id, commands, file changes, the last message and usage', () => {
    const events = replay(new CodexStreamParser(), 'codex-success.jsonl');
    expect(ofType(events, 'session')).toEqual([{ type: 'session', sessionId: '0199a213-81c0-7800-8aa1-bbab2a035a53' }]);
    const outputs = ofType(events, 'output').map((e) => e.text);
    expect(outputs).toEqual(
      expect.arrayContaining(["$ bash -lc 'cat src/greeting.ts'", '  exit 1', '✎ add /work/repo/src/greeting.ts']),
    );
    expect(ofType(events, 'context')).toEqual([{ type: 'context', used: 25_375 }]);
    const [result] = ofType(events, 'result');
    expect(result.text).toBe('Added `greet(name)` in src/greeting.ts; the greeting test passes.');
    expect(result.usage).toMatchObject({ cached_input_tokens: 21_632 });
  });

  it('reports "You\'ve hit your usage limit … try again at 3:04 PM" as a rate limit lifting at 3:04 PM local time', () => {
    const now = new Date(2026, 10, 24, 13, 0, 0).getTime();
    const events = replay(new CodexStreamParser(() => now), 'codex-rate-limit.jsonl', now);
    const limits = ofType(events, 'rate-limited');
    expect(limits.length).toBeGreaterThan(0);
    expect(limits[0].resetAt).toBe(new Date(2026, 10, 24, 15, 4, 0).getTime());
    expect(ofType(events, 'result')).toEqual([]);
  });

  it('treats "Reconnecting…" errors as output and turn.failed as the failure', () => {
    const events = replay(new CodexStreamParser(), 'codex-turn-failed.jsonl');
    expect(ofType(events, 'rate-limited')).toEqual([]);
    expect(ofType(events, 'error')).toEqual([
      {
        type: 'error',
        message:
          'stream disconnected before completion: error sending request for url (https://api.openai.com/v1/responses)',
      },
    ]);
    expect(ofType(events, 'output').map((e) => e.text)).toContain(
      'Reconnecting... 2/5 (stream disconnected before completion: failed to lookup address information: Name does not resolve)',
    );
  });
});
