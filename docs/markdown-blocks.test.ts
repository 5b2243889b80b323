import { describe, expect, it } from 'vitest';
import { matchesExpected, parseBlocks, tagProblem } from './markdown-blocks';

const md = [
  '# Title',
  '```bash run',
  'echo hi',
  '```',
  '',
  '```text expected',
  'hi',
  '```',
  '```',
  'tree/',
  '```',
  '```sh',
  'ls',
  '```',
].join('\n');

describe('README blocks', () => {
  it('reads each fenced block with its language, tags and line', () => {
    expect(parseBlocks(md)).toEqual([
      { lang: 'bash', tags: ['run'], body: 'echo hi', line: 2 },
      { lang: 'text', tags: ['expected'], body: 'hi', line: 6 },
      { lang: '', tags: [], body: 'tree/', line: 9 },
      { lang: 'sh', tags: [], body: 'ls', line: 12 },
    ]);
  });

  it('refuses a block without a language and a shell block that does not say whether it runs', () => {
    const problems = parseBlocks(md).map(tagProblem);
    expect(problems[0]).toBeNull();
    expect(problems[1]).toBeNull();
    expect(problems[2]).toMatch(/has no language/);
    expect(problems[3]).toMatch(/sh block without a tag/);
  });

  it('matches output line for line, ids and leases aside, with … standing for any text', () => {
    const expected =
      '{"agentId":"agt_mwu6mu5waf06ce63903a","lease":"adea765a-0cb9-40e5-a10a-4a00def06eff"}\n{"issues":[…]}';
    expect(
      matchesExpected(
        '{"agentId":"agt_zzzzzzzzzzzzzzzz","lease":"11111111-2222-3333-4444-555555555555"}\n{"issues":[1,2]}\n',
        expected,
      ),
    ).toEqual({ ok: true });
    expect(
      matchesExpected(
        '{"agentId":"agt_zzzzzzzzzzzzzzzz","lease":"11111111-2222-3333-4444-555555555555","more":1}\n{"issues":[]}',
        expected,
      ),
    ).toMatchObject({ ok: false, line: 1 });
    expect(
      matchesExpected('{"agentId":"agt_zzzzzzzzzzzzzzzz","lease":"11111111-2222-3333-4444-555555555555"}', expected),
    ).toMatchObject({ ok: false, line: 2, actual: '(nothing)' });
  });
});
