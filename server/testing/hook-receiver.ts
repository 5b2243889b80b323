import http from 'node:http';
import { verifySignature } from '@/server/core/deliveries/signature';

export interface ReceivedRequest {
  headers: http.IncomingHttpHeaders;
  body: string;
  json: any;
  /** Whether `Flightdeck-Signature` is genuine for this secret (the receiver's check). */
  signedWith(secret: string): boolean;
}

/** An answer, or `hang`: keep the request open (until the receiver closes). */
export type Responder = (req: ReceivedRequest) => { status: number; body: unknown } | 'hang';

/**
 * A real HTTP receiver for hook tests, on a port of 4300–4399 (the hooks tests' range): it
 * records every request and answers with the responder of the moment.
 */
export async function startHookReceiver(responder: Responder) {
  const received: ReceivedRequest[] = [];
  let respond = responder;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const r: ReceivedRequest = {
        headers: req.headers,
        body,
        json: safeJson(body),
        signedWith: (secret) =>
          verifySignature(secret, body, String(req.headers['flightdeck-signature'] ?? ''), Date.now()),
      };
      received.push(r);
      const answer = respond(r);
      if (answer === 'hang') return;
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
  });
  const port = await listenInRange(server, 4300, 4399);
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    respondWith(next: Responder) {
      respond = next;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function listenInRange(server: http.Server, from: number, to: number): Promise<number> {
  const start = from + Math.floor(Math.random() * (to - from + 1));
  for (let i = 0; i <= to - from; i++) {
    const port = from + ((start - from + i) % (to - from + 1));
    const ok = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (ok) return port;
  }
  throw new Error(`no free port in ${from}–${to}`);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
