import type { IncomingMessage, ServerResponse } from 'node:http';
import { AGENT_PACKAGE_PATH, agentPackageResponse } from '@/server/agent-package/package-response';
import type { Runtime } from '@/server/runtime';

/**
 * Serves the agent package from Node's HTTP server, which (unlike a Next route handler) can send
 * its Content-Length. Returns false for other paths.
 */
export function createAgentPackageHandler(runtime: () => Promise<Runtime>) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if ((req.url ?? '/').split('?')[0] !== AGENT_PACKAGE_PATH) return false;
    void (async () => {
      const rt = await runtime();
      const ifNoneMatch = req.headers['if-none-match'] ?? null;
      const answer = await agentPackageResponse(
        req.method ?? 'GET',
        ifNoneMatch,
        rt.log.child({ part: 'agent-package' }),
      );
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body ?? undefined);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The agent package could not be served.\n');
    });
    return true;
  };
}
