import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { signBody } from '@/server/core/deliveries/signature';
import { ROOT } from '../cli/build.mjs';
import { parseBlocks } from './markdown-blocks';

/** The README's signature checks, run as a receiver would run them, against what the server signs. */
const blocks = parseBlocks(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).filter((b) =>
  b.tags.includes('verify-signature'),
);
const dir = mkdtempSync(path.join(tmpdir(), 'fd-verify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RUNNERS = {
  js: {
    file: 'verify.mjs',
    harness: `\nconst [s, b, h] = process.argv.slice(2);\nprocess.stdout.write(String(verify(s, b, h)));\n`,
    command: process.execPath,
  },
  python: {
    file: 'verify.py',
    harness: `\nimport sys\nprint(str(verify(sys.argv[1], sys.argv[2].encode(), sys.argv[3])).lower(), end="")\n`,
    command: 'python3',
  },
} as const;

const SECRET = 'whsec_readme_check_0123456789';
const BODY = JSON.stringify({ event: 'alert:firing', data: { summary: 'Queue depth of "bash" is 42 (> 20)' } });

describe("the README's signature checks", () => {
  it('shows one in Node and one in Python, each at most 10 lines of code', () => {
    expect(blocks.map((b) => b.lang).sort()).toEqual(['js', 'python']);
    for (const b of blocks) {
      const code = b.body.split('\n').filter((l) => l.trim() && !/^\s*(\/\/|#)/.test(l));
      expect(code.length, `${b.lang} block`).toBeLessThanOrEqual(10);
    }
  });

  it.each(blocks.map((b) => [b.lang, b] as const))('%s: accepts what the server signs, refuses the rest', (lang, b) => {
    const runner = RUNNERS[lang as keyof typeof RUNNERS];
    const file = path.join(dir, runner.file);
    writeFileSync(file, b.body + runner.harness);
    const verify = (secret: string, body: string, header: string) =>
      execFileSync(runner.command, [file, secret, body, header], { encoding: 'utf8' });
    const now = Date.now();
    expect(verify(SECRET, BODY, signBody(SECRET, BODY, now))).toBe('true');
    expect(verify(SECRET, BODY.replace('42', '43'), signBody(SECRET, BODY, now)), 'a changed body').toBe('false');
    expect(verify('whsec_another', BODY, signBody(SECRET, BODY, now)), 'another secret').toBe('false');
    expect(verify(SECRET, BODY, signBody(SECRET, BODY, now - 301_000)), 'a replay 301 s later').toBe('false');
    expect(verify(SECRET, BODY, 'v1=abc'), 'no timestamp').toBe('false');
  });
});
