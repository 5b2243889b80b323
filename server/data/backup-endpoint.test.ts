import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, registerAgent, startTestRuntime } from '../testing/test-runtime';
import { answerBackupRequest, PID_HEADER } from './backup-endpoint';
import { toTarball } from './backup-file';

describe('POST /api/admin/backup', () => {
  let rt: Awaited<ReturnType<typeof startTestRuntime>>;
  beforeAll(async () => {
    rt = await startTestRuntime();
  });
  afterAll(() => rt.dispose());
  const ask = (authorization?: string) => answerBackupRequest(rt, new Headers(authorization ? { authorization } : {}));

  it('answers 401 without a token and 403 to a token that is not an admin', async () => {
    const anonymous = await ask();
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.message).toContain('admin API token is required');
    expect((await ask('Bearer not-a-token')).status).toBe(401);
    const agent = await registerAgent(rt, { name: 'nosy-agent' });
    const forbidden = await ask(`Bearer ${agent.token}`);
    expect(forbidden.status).toBe(403);
  });

  it('gives an admin a consistent copy of the embedded database, or says to use pg_dump on PostgreSQL', async () => {
    const res = await ask(`Bearer ${ADMIN_TOKEN}`);
    if (rt.mode.storage === 'postgres') {
      expect(res.status).toBe(409);
      expect((await res.json()).error.message).toContain('pg_dump');
      return;
    }
    expect(res.status).toBe(200);
    expect(res.headers.get(PID_HEADER)).toBe(String(process.pid));
    expect(res.headers.get('content-type')).toBe('application/gzip');
    const body = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get('content-length'))).toBe(body.length);
    expect(() => toTarball(body, 'the answer')).not.toThrow();
  });
});
