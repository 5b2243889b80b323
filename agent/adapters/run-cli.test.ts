import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeCliDir } from '../testing/fake-clis';
import type { AdapterEvent } from './adapter';
import { ClaudeStreamParser } from './claude';
import { runCli } from './run-cli';
import { ShellOutputParser } from './shell';

let fakes: FakeCliDir;
beforeAll(async () => {
  fakes = await FakeCliDir.create();
});
afterAll(() => fakes.remove());

describe('runCli', () => {
  it('replays a recorded claude run through its parser, with argv and exit code', async () => {
    const claude = await fakes.install('claude', ['claude-error.jsonl']);
    const events: AdapterEvent[] = [];
    const run = runCli(
      { command: claude.path, args: ['-p', 'hi'] },
      { cwd: fakes.dir, parser: new ClaudeStreamParser(), onEvent: (e) => events.push(e), stallAfterMs: 10_000 },
    );
    const exit = await run.done;
    expect(exit.code).toBe(1);
    expect(events).toContainEqual({ type: 'error', message: 'Not logged in · Please run /login' });
    expect((await claude.runs())[0].argv).toEqual(['-p', 'hi']);
  });

  it('raises stalled after silence, working when output resumes, and keeps the tails', async () => {
    const events: AdapterEvent[] = [];
    const run = runCli(
      { command: '/bin/sh', args: ['-c', 'echo one; sleep 0.4; echo two; echo oops >&2; exit 3'] },
      {
        cwd: fakes.dir,
        parser: new ShellOutputParser(),
        onEvent: (e) => events.push(e),
        stallAfterMs: 150,
      },
    );
    const exit = await run.done;
    expect(exit).toMatchObject({ code: 3, stdoutTail: ['one', 'two'], stderrTail: ['oops'] });
    const states = events.filter((e) => e.type === 'activity').map((e) => (e as { state: string }).state);
    expect(states).toEqual(['stalled', 'working']);
  });

  it('kills the whole process group: SIGTERM, then SIGKILL when ignored', async () => {
    const run = runCli(
      { command: '/bin/sh', args: ['-c', "trap '' TERM; (trap '' TERM; sleep 30) & sleep 30"] },
      {
        cwd: fakes.dir,
        parser: new ShellOutputParser(),
        onEvent: () => {},
        stallAfterMs: 10_000,
      },
    );
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    run.kill(300);
    const exit = await run.done;
    expect(exit.signal).toBe('SIGKILL');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('reports a CLI that is not installed instead of throwing', async () => {
    const exit = await runCli(
      { command: 'no-such-cli-xyz', args: [] },
      { cwd: fakes.dir, parser: new ShellOutputParser(), onEvent: () => {}, stallAfterMs: 1000 },
    ).done;
    expect(exit.spawnError).toMatch(/no-such-cli-xyz: spawn no-such-cli-xyz ENOENT/);
  });
});
