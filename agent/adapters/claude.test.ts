import { describe, expect, it } from 'vitest';
import { ofType, replay } from '../testing/replay';
import { claudeAdapter, ClaudeStreamParser } from './claude';

const task = { taskId: 't1', attempt: 1, title: 'Greet', prompt: 'add greet()', payload: null, sessionId: null };

describe('claude adapter', () => {
  it('runs print mode with stream-json, which the CLI only accepts together with --verbose', () => {
    const cmd = claudeAdapter({ extraArgs: ['--permission-mode', 'acceptEdits'] }).taskCommand(task);
    expect(cmd.command).toBe('claude');
    expect(cmd.args).toEqual([
      '-p',
      'add greet()',
      '--output-format',
      'stream-json',
      '--verbose',
      '--permission-mode',
      'acceptEdits',
    ]);
  });

  it('resumes the session and keeps prompts that look like flags out of the option parser', () => {
    const cmd = claudeAdapter({ extraArgs: [], cliPath: '/opt/claude' }).taskCommand({
      ...task,
      prompt: '--help me',
      sessionId: 'sess-1',
    });
    expect(cmd.command).toBe('/opt/claude');
    expect(cmd.args.slice(0, 2)).toEqual(['-p', ' --help me']);
    expect(cmd.args.join(' ')).toContain('--resume sess-1');
  });

  it('compacts a session with /compact on that session', () => {
    expect(claudeAdapter({ extraArgs: [] }).consolidationCommand('sess-1')?.args).toEqual([
      '-p',
      '/compact',
      '--resume',
      'sess-1',
      '--output-format',
      'stream-json',
      '--verbose',
    ]);
  });

  it('reads session, context, tool calls and the result from a successful run', () => {
    const events = replay(new ClaudeStreamParser(), 'claude-success.jsonl');
    expect(ofType(events, 'session').map((e) => e.sessionId)).toContain('6b1f3c2e-8d4a-4f0b-9e57-2c9a1d7e4b10');
    const outputs = ofType(events, 'output').map((e) => e.text);
    expect(outputs).toContain('▸ Bash npm test -- greeting');
    expect(outputs).toContain('The test passes.');
    const context = ofType(events, 'context');
    // The last main-thread message: 6 + 17408 + 310 + 42 tokens, in a 200k window.
    expect(context.filter((c) => c.used !== undefined).at(-1)?.used).toBe(17766);
    expect(context.find((c) => c.window)?.window).toBe(200_000);
    const [result] = ofType(events, 'result');
    expect(result.text).toBe('Done: `greet(name)` is in src/greeting.ts.\nThe test passes.');
    expect(result.usage).toMatchObject({ output_tokens: 138, total_cost_usd: 0.0312, num_turns: 2 });
    expect(ofType(events, 'error')).toEqual([]);
    expect(ofType(events, 'rate-limited')).toEqual([]);
  });

  it('reports a usage limit with the reset time of the rate_limit_event', () => {
    const now = Date.UTC(2026, 10, 24, 12, 0, 0);
    const events = replay(new ClaudeStreamParser(() => now), 'claude-usage-limit.jsonl', now);
    const limits = ofType(events, 'rate-limited');
    expect(limits[0]).toEqual({
      type: 'rate-limited',
      resetAt: now + 3_600_000,
      detail: 'claude five_hour limit reached',
    });
    // The assistant's own words name the time too: "resets 4pm (UTC)".
    expect(limits[1].resetAt).toBe(Date.UTC(2026, 10, 24, 16, 0, 0));
    expect(ofType(events, 'result')).toEqual([]);
  });

  it('turns an error result into a failure with its message', () => {
    const events = replay(new ClaudeStreamParser(), 'claude-error.jsonl');
    expect(ofType(events, 'error')).toEqual([{ type: 'error', message: 'Not logged in · Please run /login' }]);
    expect(ofType(events, 'rate-limited')).toEqual([]);
    expect(ofType(events, 'result')).toEqual([]);
  });

  it('reads the context left after /compact', () => {
    const events = replay(new ClaudeStreamParser(), 'claude-compact.jsonl');
    expect(ofType(events, 'context')[0]).toEqual({ type: 'context', used: 9120 });
  });

  it('reads the older "usage limit reached|<epoch>" wording and API retries', () => {
    const parser = new ClaudeStreamParser();
    const [limited] = parser.parse(
      JSON.stringify({
        type: 'result',
        subtype: 'success',
        is_error: true,
        result: 'Claude AI usage limit reached|1760000000',
      }),
      'stdout',
    );
    expect(limited).toMatchObject({ type: 'rate-limited', resetAt: 1_760_000_000_000 });
    const [retry] = parser.parse(
      JSON.stringify({ type: 'system', subtype: 'api_retry', attempt: 2, max_retries: 10, error: 'overloaded' }),
      'stdout',
    );
    expect(retry).toEqual({ type: 'activity', state: 'working', detail: 'API retry 2/10 (overloaded)' });
  });
});
