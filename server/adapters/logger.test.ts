import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime } from '@/server/testing/test-runtime';
import { createLogger } from './logger';

let rt: Awaited<ReturnType<typeof startTestRuntime>>;
beforeAll(async () => {
  rt = await startTestRuntime();
});
afterAll(async () => {
  await rt.dispose();
});

/** A logger writing JSON lines into an array. */
function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { log: createLogger('info', sink), lines };
}

async function failing(statement: ReturnType<typeof sql>): Promise<unknown> {
  try {
    await rt.database.db.execute(statement);
  } catch (err) {
    return err;
  }
  throw new Error('the statement did not fail');
}

const SECRET = 'sha256-of-a-token-4f1c9e';
const PAYLOAD = '{"prompt":"the customer database password is hunter2"}';

describe('failed SQL in the logs', () => {
  it('keeps the statement and drops every parameter value', async () => {
    const err = await failing(
      sql`select * from tasks where id = ${SECRET} and payload = ${PAYLOAD}::jsonb and created_at = ${'not-a-timestamp'}`,
    );
    // The driver's error really carries the values: this is what must not reach the log.
    expect(JSON.stringify({ message: (err as Error).message, params: (err as { params?: unknown }).params })).toContain(
      SECRET,
    );
    const { log, lines } = capture();
    log.error({ err }, 'request failed');
    expect(lines).toHaveLength(1);
    const line = lines[0];
    expect(line).toContain('select * from tasks where id = $1 and payload = $2::jsonb and created_at = $3');
    expect(line).toContain('params: [3 not logged]');
    for (const value of [SECRET, 'hunter2', 'not-a-timestamp']) expect(line).not.toContain(value);
  });

  it('drops the values a driver error carries itself (detail, params) when it is logged directly', async () => {
    // A plain table: a temporary one lives on one pooled connection, and the next statement may get another.
    await rt.database.db.execute(sql`create table if not exists log_probe (k text primary key)`);
    await rt.database.db.execute(sql`insert into log_probe values (${SECRET})`);
    const err = await failing(sql`insert into log_probe values (${SECRET})`);
    const cause = (err as { cause?: unknown }).cause ?? err;
    const { log, lines } = capture();
    log.error({ err: cause }, 'driver error');
    log.warn({ err }, 'wrapped');
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).toMatch(/duplicate key value violates unique constraint/);
      expect(line).not.toContain(SECRET);
    }
  });
});
