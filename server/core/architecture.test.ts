import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

describe('house rule: server/core stays free of framework and driver imports', () => {
  it('the linter rejects such an import in server/core and allows it in an adapter', async () => {
    const eslint = new ESLint();
    const source = "import pg from 'pg';\nimport { sql } from 'drizzle-orm';\nimport { TRPCError } from '@trpc/server';\nexport const x = [pg, sql, TRPCError];\n";
    const [core] = await eslint.lintText(source, { filePath: 'server/core/probe.ts' });
    expect(core.messages.filter((m) => m.ruleId === 'no-restricted-imports')).toHaveLength(3);
    const [adapter] = await eslint.lintText(source, { filePath: 'server/adapters/probe.ts' });
    expect(adapter.messages.filter((m) => m.ruleId === 'no-restricted-imports')).toHaveLength(0);
  });
});
