import { describe, expect, it } from 'vitest';
import { ofType, replay } from '../testing/replay';
import { aiderAdapter, AiderOutputParser } from './aider';

describe('aider adapter', () => {
  it('sends one message, says yes to confirmations and prints plain, unstreamed text', () => {
    const cmd = aiderAdapter({ extraArgs: ['--model', 'sonnet'] }).taskCommand({
      taskId: 't',
      attempt: 1,
      title: 'x',
      prompt: 'add greet()',
      payload: null,
      sessionId: 'ignored',
    });
    expect(cmd).toEqual({
      command: 'aider',
      args: [
        '--message',
        'add greet()',
        '--yes-always',
        '--no-pretty',
        '--no-stream',
        '--no-check-update',
        '--model',
        'sonnet',
      ],
    });
  });

  it('streams the text and reads the token count of the message', () => {
    const events = replay(new AiderOutputParser(), 'aider-success.txt');
    expect(ofType(events, 'output').map((e) => e.text)).toContain('Applied edit to src/greeting.ts');
    expect(ofType(events, 'context')).toEqual([{ type: 'context', used: 2520 }]);
    expect(ofType(events, 'rate-limited')).toEqual([]);
    expect(ofType(events, 'error')).toEqual([]);
  });

  it('reports litellm.RateLimitError as a rate limit without a reset time', () => {
    const events = replay(new AiderOutputParser(), 'aider-rate-limit.txt');
    const [limited] = ofType(events, 'rate-limited');
    expect(limited.resetAt).toBeUndefined();
    expect(limited.detail).toMatch(/^litellm\.RateLimitError: AnthropicException/);
  });

  it('fails on errors aider does not retry, although it exits 0', () => {
    const [event] = new AiderOutputParser().parse(
      'litellm.AuthenticationError: AnthropicException - invalid x-api-key',
    );
    expect(event.type).toBe('error');
  });
});
