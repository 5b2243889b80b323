import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

describe('house rule: server/core stays free of framework and driver imports', () => {
  it('the linter rejects such an import in server/core and allows it in an adapter', async () => {
    const eslint = new ESLint();
    const source =
      "import pg from 'pg';\nimport { sql } from 'drizzle-orm';\nimport { TRPCError } from '@trpc/server';\nexport const x = [pg, sql, TRPCError];\n";
    const [core] = await eslint.lintText(source, { filePath: 'server/core/probe.ts' });
    expect(core.messages.filter((m) => m.ruleId === 'no-restricted-imports')).toHaveLength(3);
    const [adapter] = await eslint.lintText(source, { filePath: 'server/adapters/probe.ts' });
    expect(adapter.messages.filter((m) => m.ruleId === 'no-restricted-imports')).toHaveLength(0);
  });
});

describe('house rule: no wall-clock reads in server/core', () => {
  const source =
    'export const a = Date.now();\nexport const b = new Date();\nexport const c = [Date.now, new Date(a)];\n';
  const clockErrors = async (filePath: string) => {
    const [result] = await new ESLint().lintText(source, { filePath });
    return result.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
  };

  it('the linter rejects Date.now and new Date() in the core, and allows them in adapters and core tests', async () => {
    const core = await clockErrors('server/core/probe.ts');
    expect(core).toHaveLength(3);
    expect(core[0]).toMatch(/Clock port/);
    expect(await clockErrors('server/adapters/probe.ts')).toEqual([]);
    expect(await clockErrors('server/core/probe.test.ts')).toEqual([]);
  });

  it('no file of the core reads the wall clock today', async () => {
    const results = await new ESLint().lintFiles(['server/core/**/*.ts']);
    const reads = results.flatMap((r) =>
      r.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => `${r.filePath}:${m.line}`),
    );
    expect(reads).toEqual([]);
  });
});
