import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { startTestRuntime } from '@/server/testing/test-runtime';
import { createApiHandler } from '../api-handler';
import { createFetchHandler } from '../fetch-handler';

export interface EntryPoint {
  name: string;
  /** `http://127.0.0.1:PORT`; the API is under /api/trpc. */
  origin: string;
}

/**
 * One runtime behind both of the API's entry points, each on a real socket: the Node handler
 * `npm start` serves, and the fetch handler of the Next route (`npm run dev`).
 */
export async function startEntryPoints(env: Record<string, string> = {}) {
  const rt = await startTestRuntime(env);
  const api = createApiHandler(async () => rt);
  const viaNode = http.createServer((req, res) => {
    if (!api(req, res)) res.writeHead(404).end();
  });
  const handleFetch = createFetchHandler(async () => rt);
  const viaFetch = http.createServer((req, res) => void serveFetch(handleFetch, req, res));
  const servers = [viaNode, viaFetch];
  await Promise.all(servers.map((s) => new Promise<void>((r) => s.listen(0, '127.0.0.1', r))));
  const origin = (s: http.Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
  const entries: EntryPoint[] = [
    { name: 'Node server (npm start)', origin: origin(viaNode) },
    { name: 'Next route (npm run dev)', origin: origin(viaFetch) },
  ];
  return {
    rt,
    entries,
    async close() {
      for (const s of servers) s.closeAllConnections();
      await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
      await rt.dispose();
    },
  };
}

/** What Next does for a route handler, reduced: IncomingMessage → Request → Response → socket. */
async function serveFetch(
  handle: (req: Request) => Promise<Response>,
  req: http.IncomingMessage,
  res: http.ServerResponse,
) {
  const ac = new AbortController();
  res.on('close', () => ac.abort());
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) for (const item of [v ?? []].flat()) headers.append(k, item);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const request = new Request(`http://${req.headers.host}${req.url}`, {
    method: req.method,
    headers,
    signal: ac.signal,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } : {}),
  } as RequestInit);
  try {
    const response = await handle(request);
    const out: Record<string, string | string[]> = Object.fromEntries(response.headers);
    if (response.headers.getSetCookie().length) out['set-cookie'] = response.headers.getSetCookie();
    res.writeHead(response.status, out);
    if (response.body) for await (const chunk of response.body) res.write(chunk);
    res.end();
  } catch {
    if (!res.headersSent) res.writeHead(500);
    res.end();
  }
}

/** Signs in as the test runtime's admin over HTTP and returns the session cookie (`fd_session=…`). */
export async function signIn(entry: EntryPoint): Promise<string> {
  const res = await fetch(`${entry.origin}/api/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'test-password' }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie()[0].split(';')[0];
}
