import type { Logger } from '@/server/core/ports';
import { findRepoRoot } from '@/server/adapters/providers/worker-command';
import { agentPackage } from './agent-package';

export const AGENT_PACKAGE_PATH = '/api/agent/package.tgz';

export interface PackageResponse {
  status: number;
  headers: Record<string, string>;
  /** Null for 304 and HEAD. */
  body: Buffer | null;
}

const text = (status: number, message: string, headers: Record<string, string> = {}): PackageResponse => ({
  status,
  headers: { 'content-type': 'text/plain; charset=utf-8', ...headers },
  body: Buffer.from(`${message}\n`),
});

/**
 * The answer to `GET /api/agent/package.tgz`, for both servers (Node's in production, Next's in
 * development). No token is asked for: the worker is this repository's own code and does nothing
 * without a token of its own, and `npm install <url>` has no plain way to send one.
 */
export async function agentPackageResponse(
  method: string,
  ifNoneMatch: string | null,
  log: Logger,
): Promise<PackageResponse> {
  if (method !== 'GET' && method !== 'HEAD') return text(405, 'Use GET.', { allow: 'GET, HEAD' });
  let pkg;
  try {
    pkg = await agentPackage(findRepoRoot(), (built, ms) => {
      log.info(
        { version: built.version, bytes: built.bytes.length, sha256: built.sha256, esbuild: built.esbuildVersion, ms },
        'agent package built',
      );
    });
  } catch (err) {
    log.error({ err }, 'the agent package could not be built');
    return text(500, 'The agent package could not be built; the server log says why.');
  }
  const etag = `"sha256-${pkg.sha256}"`;
  // Clients may keep it but must ask again: an upgraded server serves another worker.
  const common = {
    etag,
    'cache-control': 'no-cache',
    'x-flightdeck-version': pkg.version,
    'x-content-type-options': 'nosniff',
  };
  if (ifNoneMatch?.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')) {
    return { status: 304, headers: common, body: null };
  }
  return {
    status: 200,
    headers: {
      ...common,
      'content-type': 'application/gzip',
      'content-disposition': `attachment; filename="${pkg.fileName}"`,
      'content-length': String(pkg.bytes.length),
    },
    body: method === 'HEAD' ? null : pkg.bytes,
  };
}
