import http from 'node:http';
import type { TLSSocket } from 'node:tls';
import { refusal, refusalBody, type Refusal } from '../http/refusal';
import { isEventStream, requestHeaders, responseHeaders } from './forwarded-headers';
import type { Replica, ReplicaPool } from './replica-pool';
import { mayRetry, type ForwardStage } from './retry-policy';

/**
 * The proxy in front of the replicas: each request goes to one replica that is up, bodies
 * stream both ways (live streams and long-polls included), and a replica that turns out to be
 * down is skipped (see retry-policy.ts). Its own `/api/ready` reports on the replicas.
 */
export function createProxyServer(pool: ReplicaPool): http.Server {
  // Keep-alive to the replicas: no new loopback connection per agent call.
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => serve(pool, agent, req, res, false));
  // `Expect: 100-continue`: the replica decides (it refuses an oversized body before it is sent).
  server.on('checkContinue', (req, res) => serve(pool, agent, req, res, true));
  // Idle client connections live as long as on a replica; answers have no time limit (`timeout` is 0).
  server.keepAliveTimeout = 65_000;
  server.on('close', () => agent.destroy());
  return server;
}

function serve(
  pool: ReplicaPool,
  agent: http.Agent,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  expectContinue: boolean,
): void {
  const path = (req.url ?? '/').split('?', 1)[0];
  if (path === '/api/ready' && (req.method === 'GET' || req.method === 'HEAD')) return answerReady(pool, res);
  forward({ pool, agent, req, res, expectContinue, tried: new Set(), retriesAfterSending: 0 });
}

interface Forward {
  pool: ReplicaPool;
  agent: http.Agent;
  req: http.IncomingMessage;
  res: http.ServerResponse;
  expectContinue: boolean;
  /** Replicas already tried for this request. */
  tried: Set<number>;
  retriesAfterSending: number;
}

function forward(f: Forward): void {
  const { pool, req, res } = f;
  const replica = pool.pick(f.tried);
  if (!replica) {
    const why = f.tried.size ? 'every replica failed this request' : 'no replica is up';
    return answer(res, refusal('SERVICE_UNAVAILABLE', `${why}: try again shortly`), { 'retry-after': '1' });
  }
  f.tried.add(replica.id);
  const release = pool.acquire(replica);
  let stage: ForwardStage = 'not-sent';
  const upstream = http.request({
    host: '127.0.0.1',
    port: replica.port,
    method: req.method,
    path: req.url,
    agent: f.agent,
    headers: requestHeaders(req.headers, {
      address: req.socket.remoteAddress,
      encrypted: Boolean((req.socket as TLSSocket).encrypted),
    }),
  });
  // The body is read from the client only once connected: a refused connection leaves it
  // unread, so the request can still go to another replica.
  upstream.on('socket', (socket) => {
    const send = () => {
      stage = 'sent';
      if (f.expectContinue) {
        upstream.flushHeaders();
        upstream.once('continue', () => {
          res.writeContinue();
          req.pipe(upstream);
        });
      } else req.pipe(upstream);
    };
    if (socket.connecting) socket.once('connect', send);
    else send();
  });

  // A client that goes away (a closed tab, an agent stopping) frees the replica's side too:
  // live streams hold a per-session slot there.
  let clientGone = false;
  const onClientClose = () => {
    if (res.writableFinished) return;
    clientGone = true;
    upstream.destroy();
  };
  res.once('close', onClientClose);

  upstream.on('response', (answerFromReplica) => {
    stage = 'answering';
    res.writeHead(
      answerFromReplica.statusCode ?? 502,
      answerFromReplica.statusMessage,
      responseHeaders(answerFromReplica.headers),
    );
    // Server-sent events must reach the client as they come.
    if (isEventStream(answerFromReplica.headers)) res.flushHeaders();
    answerFromReplica.pipe(res);
    answerFromReplica.on('error', () => {});
    answerFromReplica.once('close', () => {
      release();
      if (answerFromReplica.complete || res.writableFinished) return;
      // The replica died mid-answer. A live stream ends cleanly, so the client reconnects (to
      // another replica) and resumes from its last event id; any other answer is cut, so the
      // client cannot take it for complete.
      if (isEventStream(answerFromReplica.headers)) res.end();
      else res.destroy();
    });
  });

  upstream.on('error', (err: NodeJS.ErrnoException) => {
    release();
    if (stage === 'answering' || clientGone) return;
    res.off('close', onClientClose);
    req.unpipe(upstream);
    const failedAt = stage;
    if (failedAt === 'not-sent') pool.report(replica.id, replica.port, 'down', { why: describe(err) });
    if (mayRetry(failedAt, req.method ?? 'GET', f.retriesAfterSending)) {
      return forward({ ...f, retriesAfterSending: f.retriesAfterSending + (failedAt === 'sent' ? 1 : 0) });
    }
    answer(res, refusal('BAD_GATEWAY', `replica ${replica.id} failed during this request (${describe(err)})`));
  });
}

function describe(err: NodeJS.ErrnoException): string {
  return err.code ?? err.message;
}

function answer(res: http.ServerResponse, r: Refusal, headers: Record<string, string> = {}): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(r.status, { 'content-type': 'application/json', ...headers });
  res.end(refusalBody(r));
}

/** Ready when at least one replica is; the body says how each one is doing. */
function answerReady(pool: ReplicaPool, res: http.ServerResponse): void {
  const ready = pool.ready;
  const replicas = pool
    .all()
    .map((r: Replica) => ({ id: r.id, pid: r.pid, port: r.port, state: r.state, active: r.active }));
  const checks = Object.fromEntries(
    pool
      .all()
      .map((r) => [`replica ${r.id}`, r.state === 'ready' ? { ok: true } : { ok: false, error: r.why ?? r.state }]),
  );
  const mode = pool.all().find((r) => r.state === 'ready')?.mode;
  res.writeHead(ready ? 200 : 503, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    ...(ready ? {} : { 'retry-after': '1' }),
  });
  res.end(JSON.stringify({ ready, mode, checks, replicas }));
}
