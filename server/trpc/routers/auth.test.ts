import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '@/server/core/ports';
import { AuthService } from '@/server/core/security/auth-service';
import { startTestRuntime } from '@/server/testing/test-runtime';

let rt: Awaited<ReturnType<typeof startTestRuntime>>;
beforeAll(async () => {
  rt = await startTestRuntime();
});
afterAll(() => rt.dispose());

/** Keeps what the service warns about, as the boot log would show it. */
function recordingLog(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  const log: Logger & { warnings: string[] } = {
    warnings,
    debug() {},
    info() {},
    error() {},
    warn: (_o: object, msg?: string) => void warnings.push(msg ?? ''),
    child: () => log,
  };
  return log;
}

describe('the admin token at boot', () => {
  it('says so when FLIGHTDECK_ADMIN_TOKEN replaces the token stored in the data directory, which then stops working', async () => {
    const log = recordingLog();
    const auth = new AuthService(rt.store, log, rt.core.deps.clock);
    const first = await auth.bootstrap({});
    // The test runtime already stored its own admin token, so nothing is generated on this "start".
    expect(first.generatedAdminToken).toBeUndefined();
    expect(await auth.authenticateBearer('test-admin-token-0123456789')).not.toBeNull();

    const restart = await new AuthService(rt.store, log, rt.core.deps.clock).bootstrap({
      adminToken: 'a-different-admin-token-456',
    });
    expect(restart.replacedAdminToken).toBe(true);
    expect(log.warnings.join('\n')).toMatch(
      /FLIGHTDECK_ADMIN_TOKEN differs from the admin token stored in this data directory/,
    );
    const fresh = new AuthService(rt.store, log, rt.core.deps.clock);
    expect(await fresh.authenticateBearer('test-admin-token-0123456789')).toBeNull();
    expect(await fresh.authenticateBearer('a-different-admin-token-456')).toMatchObject({
      kind: 'api-token',
      role: 'admin',
    });

    // The same token again on the next start changes nothing and warns about nothing.
    log.warnings.length = 0;
    expect((await fresh.bootstrap({ adminToken: 'a-different-admin-token-456' })).replacedAdminToken).toBeUndefined();
    expect(log.warnings).toEqual([]);
  });
});
