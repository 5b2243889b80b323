import { describe, expect, it } from 'vitest';
import { parseAgentArgs, UsageError } from './options';

const host = { hostname: 'box 1', cwd: '/srv' };
const base = ['--url', 'http://fd:3000', '--token', 'fda_x', '--adapter', 'claude'];

function usageError(argv: string[], env: Record<string, string> = {}): string {
  try {
    parseAgentArgs(argv, env, host);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error('expected a usage error');
}

describe('flightdeck agent options', () => {
  it('parses flags with defaults', () => {
    const cmd = parseAgentArgs(
      [
        ...base,
        '--capabilities',
        'ts, review',
        '--concurrency',
        '3',
        '--workdir',
        'repo',
        '--cli-arg=--model',
        '--cli-arg',
        'opus',
        '--label',
        'zone=eu',
      ],
      {},
      host,
    );
    expect(cmd).toEqual({
      kind: 'run',
      options: expect.objectContaining({
        url: 'http://fd:3000',
        adapter: 'claude',
        capabilities: ['ts', 'review'],
        concurrency: 3,
        workdir: '/srv/repo',
        name: 'box-1-claude',
        cliArgs: ['--model', 'opus'],
        labels: { zone: 'eu' },
        stallAfterMs: 120_000,
        drainTimeoutMs: 30_000,
      }),
    });
  });

  it('falls back to the environment, flags winning', () => {
    const env = {
      FLIGHTDECK_URL: 'https://env',
      FLIGHTDECK_TOKEN: 't',
      FLIGHTDECK_ADAPTER: 'shell',
      FLIGHTDECK_SHELL_COMMAND: 'make',
      FLIGHTDECK_CONCURRENCY: '2',
      FLIGHTDECK_AGENT_NAME: 'env-agent',
    };
    const cmd = parseAgentArgs(['--concurrency', '4'], env, host);
    expect(cmd.kind === 'run' && cmd.options).toMatchObject({
      url: 'https://env',
      adapter: 'shell',
      shellCommand: 'make',
      concurrency: 4,
      name: 'env-agent',
    });
  });

  it('names the flag that is wrong', () => {
    expect(usageError(['--token', 'x', '--adapter', 'claude'])).toBe('--url: is required');
    expect(usageError([...base.slice(0, 4), '--adapter', 'copilot'])).toMatch(
      /^--adapter: must be one of claude, gemini, codex, aider, shell/,
    );
    expect(usageError([...base, '--concurrency', 'many'])).toBe('--concurrency: must be a number');
    expect(usageError([...base, '--concurrency', '0'])).toBe('--concurrency: must be at least 1');
    expect(usageError([...base.slice(0, 4), '--adapter', 'shell'])).toMatch(/^--command:/);
    expect(usageError([...base, '--frobnicate'])).toMatch(/--frobnicate/);
  });

  it('answers --help and --detect without other flags', () => {
    expect(parseAgentArgs(['--help'], {}, host)).toEqual({ kind: 'help' });
    expect(parseAgentArgs(['--detect'], {}, host)).toEqual({ kind: 'detect' });
  });
});
