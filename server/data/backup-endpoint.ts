import type { Runtime } from '@/server/runtime';
import { authorizeCall } from '@/server/core/access/authorize';
import { isCoreError } from '@/server/core/errors';
import { resolveActor } from '@/server/trpc/context';

/** Tells the CLI which process answered, so it can check that it is the one holding the data directory. */
export const PID_HEADER = 'x-flightdeck-pid';

const problem = (status: number, message: string) =>
  Response.json({ error: { message } }, { status, headers: { 'cache-control': 'no-store' } });

/**
 * `POST /api/admin/backup`: a consistent copy of the embedded database, taken by the process
 * that holds it (a PGlite directory must never be opened by a second one). Admin API tokens
 * only: a browser session's cookie would let another site's form start one.
 */
export async function answerBackupRequest(rt: Runtime, headers: Headers): Promise<Response> {
  if (!headers.get('authorization')) return problem(401, 'an admin API token is required (Authorization: Bearer …)');
  const { actor } = await resolveActor(rt, headers);
  if (!actor) return problem(401, 'unknown or revoked API token');
  try {
    authorizeCall(actor, 'data.backup');
  } catch (e) {
    if (isCoreError(e)) return problem(403, e.message);
    throw e;
  }
  if (!rt.database.snapshot) {
    return problem(
      409,
      'this server keeps its data in PostgreSQL: back it up with pg_dump (see the README), or use `flightdeck export`',
    );
  }
  const started = Date.now();
  const snapshot = await rt.database.snapshot();
  const bytes = new Uint8Array(await snapshot.arrayBuffer());
  rt.log.info(
    { bytes: bytes.length, ms: Date.now() - started, actor: { kind: actor.kind, id: actor.id } },
    'backup taken',
  );
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return new Response(bytes, {
    headers: {
      'content-type': 'application/gzip',
      'content-length': String(bytes.length),
      'content-disposition': `attachment; filename="flightdeck-backup-${stamp}.tar.gz"`,
      'cache-control': 'no-store',
      [PID_HEADER]: String(process.pid),
    },
  });
}
