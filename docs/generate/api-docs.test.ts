import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ROOT } from '../../cli/build.mjs';
import { procedure, router } from '@/server/trpc/init';
import { appRouter } from '@/server/trpc/root';
import { SECTIONS } from '../source/sections';
import type { Section } from './doc-types';
import { buildDocs } from './build-docs';
import { readCatalog } from './procedure-catalog';
import { checkProcedureMentions } from './readme-check';

const { record } = appRouter._def as unknown as { record: Record<string, any> };
const withTasks = (procedures: Record<string, unknown>) =>
  SECTIONS.map((s) => (s.id === 'tasks' ? ({ ...s, procedures: { ...s.procedures, ...procedures } } as Section) : s));

describe('docs/api.md and docs/agent-protocol.md', () => {
  const built = buildDocs(readCatalog(), SECTIONS);

  it('describe every procedure of the router and nothing else, with examples its schemas accept', () => {
    expect(built.problems).toEqual([]);
  });

  it.each(built.files.map((f) => [f.file, f.content]))('%s is what `npm run docs:api` writes', (file, content) => {
    const committed = readFileSync(path.join(ROOT, file), 'utf8');
    if (committed === content) return;
    const a = committed.split('\n');
    const b = content.split('\n');
    const line = a.findIndex((l, i) => l !== b[i]);
    expect.fail(
      `${file} is stale: run npm run docs:api (line ${line + 1} is\n  ${a[line]}\nand should be\n  ${b[line]})`,
    );
  });
});

describe('the docs check', () => {
  it('names a procedure the router gains and the docs do not describe', () => {
    const grown = router({
      ...record,
      tasks: router({
        ...record.tasks,
        reassign: procedure.input(z.object({ id: z.string() })).mutation(() => ({ ok: true })),
      }),
    });
    const { problems } = buildDocs(readCatalog(grown), SECTIONS);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^tasks\.reassign is not documented: add it to docs\/source\/tasks\.ts/),
      ]),
    );
  });

  it('names a documented procedure the router no longer has', () => {
    const { system: _gone, ...rest } = record;
    const { problems } = buildDocs(readCatalog(router(rest)), SECTIONS);
    expect(problems).toEqual(
      expect.arrayContaining(['docs/source/system.ts documents system.info, which the router does not have']),
    );
  });

  it('tells who may call from the permission map, and names a procedure the map lacks', () => {
    const scratch = router({
      open: procedure
        .input(z.object({ id: z.string() }))
        .output(z.object({ ok: z.boolean() }))
        .mutation(() => ({ ok: true })),
    });
    const catalog = readCatalog(router({ ...record, scratch }));
    expect(catalog.procedures.find((p) => p.path === 'tasks.cancel')).toMatchObject({
      kind: 'mutation',
      access: 'operator',
      permission: 'tasks:operate',
    });
    expect(catalog.procedures.find((p) => p.path === 'tasks.list')).toMatchObject({
      kind: 'query',
      access: 'viewer',
      permission: 'fleet:read',
    });
    expect(catalog.procedures.find((p) => p.path === 'pools.create')).toMatchObject({
      access: 'admin',
      permission: 'pools:configure',
    });
    expect(catalog.procedures.find((p) => p.path === 'work.poll')).toMatchObject({
      kind: 'mutation',
      access: 'agent',
      inputOptional: true,
    });
    expect(catalog.problems).toEqual([expect.stringMatching(/^scratch\.open: has no entry in the permission map/)]);
  });

  it('names an example input the router refuses, field notes its input lacks, and a procedure that says not what it answers', () => {
    const sections = withTasks({
      'tasks.get': { summary: 'One task.', returns: 'the task', example: { input: { id: '' } } },
      'tasks.cancel': { summary: 'Cancels.', returns: 'the task', fields: { reason: 'why' } },
      'tasks.whyPending': { summary: 'Why it waits.' },
    });
    const { problems } = buildDocs(readCatalog(), sections);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^tasks\.get: example\.input is refused by the router: id: /),
        expect.stringMatching(/^tasks\.whyPending: say what it answers/),
        expect.stringMatching(/^tasks\.cancel: fields describes reason, which its input does not have/),
      ]),
    );
  });
});

describe('what the READMEs say about procedures', () => {
  const catalog = readCatalog();

  it.each(['README.md', 'agent/README.md', 'docs/api.md', 'docs/agent-protocol.md'])(
    '%s names only procedures the router has, and its summary tables give each its kind and token',
    (file) => {
      expect(checkProcedureMentions(file, readFileSync(path.join(ROOT, file), 'utf8'), catalog)).toEqual([]);
    },
  );

  it('names a summary row whose kind or token the router contradicts, and a procedure it lacks', () => {
    const md = [
      '| procedure | kind | token | what |',
      '| --- | --- | --- | --- |',
      '| `work.poll` / `tasks.get` | GET | agent | … |',
      '',
      'Then call `tasks.archive`.',
    ].join('\n');
    expect(checkProcedureMentions('X.md', md, catalog)).toEqual([
      'X.md:5 names tasks.archive, which the router does not have',
      'X.md:3 says work.poll is GET; it is a mutation (POST)',
      'X.md:3 says tasks.get takes token "agent"; it takes "viewer"',
    ]);
  });
});
