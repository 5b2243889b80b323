import { describe, expect, it } from 'vitest';
import { ofType, replay } from '../testing/replay';
import { geminiAdapter, GeminiStreamParser } from './gemini';

const task = { taskId: 't1', attempt: 1, title: 'Greet', prompt: 'add greet()', payload: null, sessionId: null };

describe('gemini adapter', () => {
  it('runs headless with stream-json in a folder it was never asked to trust', () => {
    expect(geminiAdapter({ extraArgs: ['--yolo'] }).taskCommand(task).args).toEqual([
      '-p',
      'add greet()',
      '--output-format',
      'stream-json',
      '--skip-trust',
      '--yolo',
    ]);
    expect(geminiAdapter({ extraArgs: [] }).taskCommand({ ...task, sessionId: 's-9' }).args).toContain('--resume');
  });

  it('starts a fresh session to consolidate', () => {
    expect(geminiAdapter({ extraArgs: [] }).consolidationCommand('s-9')).toBeNull();
  });

  it('reads the session, joins streamed text into lines and returns the answer', () => {
    const events = replay(new GeminiStreamParser(), 'gemini-success.jsonl');
    expect(ofType(events, 'session')).toEqual([{ type: 'session', sessionId: '2090e370-136d-44a7-8391-6df000b6c841' }]);
    const outputs = ofType(events, 'output').map((e) => e.text);
    expect(outputs).toContain("I'll read the file first.");
    expect(outputs).toContain('▸ write_file src/greeting.ts');
    expect(outputs.at(-1)).toBe('Added `greet(name)` to src/greeting.ts.');
    expect(ofType(events, 'context')).toEqual([{ type: 'context', used: 18_734 }]);
    const [result] = ofType(events, 'result');
    expect(result.text).toBe("I'll read the file first.\nAdded `greet(name)` to src/greeting.ts.");
    expect(result.usage).toMatchObject({ tool_calls: 2 });
  });

  it('reports an exhausted quota as a rate limit with its reset time', () => {
    const now = Date.UTC(2026, 10, 24, 9, 10, 0);
    const events = replay(new GeminiStreamParser(() => now), 'gemini-quota.jsonl', now);
    const [limited] = ofType(events, 'rate-limited');
    expect(limited.resetAt).toBe(now + (2 * 3600 + 60 + 5) * 1000);
    expect(limited.detail).toContain('exhausted your capacity');
    expect(ofType(events, 'error')).toEqual([]);
    expect(ofType(events, 'result')).toEqual([]);
  });

  it('fails on an error result that is not about quota', () => {
    const events = replay(new GeminiStreamParser(), 'gemini-error.jsonl');
    expect(ofType(events, 'error')).toEqual([
      { type: 'error', message: '[API Error: exception TypeError: fetch failed sending request]' },
    ]);
    expect(ofType(events, 'rate-limited')).toEqual([]);
    expect(ofType(events, 'output').map((e) => e.text)).toContain(
      'Attempt 1 failed. Retrying with backoff... Error: exception TypeError: fetch failed sending request',
    );
  });
});
