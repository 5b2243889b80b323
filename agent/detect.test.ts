import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectClis, formatDetection } from './detect';
import { FakeCliDir } from './testing/fake-clis';

let fakes: FakeCliDir;
let savedPath: string | undefined;
beforeAll(async () => {
  fakes = await FakeCliDir.create();
  await fakes.install('claude', ['claude-success.jsonl']);
  await fakes.install('codex', ['codex-success.jsonl']);
  await writeFile(
    path.join(fakes.dir, 'aider'),
    `#!/bin/sh\nexec '${process.execPath}' -e 'setTimeout(() => {}, 10000)'\n`,
    { mode: 0o755 },
  );
  savedPath = process.env.PATH;
  process.env.PATH = fakes.dir; // nothing real is found
});
afterAll(async () => {
  process.env.PATH = savedPath;
  await fakes.remove();
});

describe('flightdeck agent --detect', () => {
  it('lists installed CLIs with their versions and says which are missing', async () => {
    const found = await detectClis(undefined, 1000);
    expect(found).toEqual([
      { name: 'claude', installed: true, version: '2.1.197 (Claude Code)' },
      { name: 'gemini', installed: false },
      { name: 'codex', installed: true, version: 'codex-cli 0.169.0' },
      { name: 'aider', installed: true, problem: '--version timed out after 1 s' },
    ]);
    expect(formatDetection(found)).toBe(
      [
        'claude  2.1.197 (Claude Code)',
        'gemini  missing',
        'codex   codex-cli 0.169.0',
        'aider   installed (--version timed out after 1 s)',
        '',
        'missing: gemini',
      ].join('\n'),
    );
  });
});
