import http from 'node:http';
import { verifySignature } from '@/server/core/deliveries/signature';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** `Flightdeck-Delivery`. */
  deliveryId: string;
  eventName: string;
  /** Whether `Flightdeck-Signature` verifies with the receiver's secret (null: no secret set). */
  signatureValid: boolean | null;
  json(): any;
}

export interface Reply {
  status?: number;
  body?: string;
  headers?: Record<string, string>;
  /** Answer only after this long. */
  delayMs?: number;
  /** Never answer (the sender's timeout must end it). */
  hang?: boolean;
}

export interface WebhookReceiver {
  url: string;
  port: number;
  requests: ReceivedRequest[];
  /** The secret signatures are checked with (the one `channels.create` answered). */
  secret: string | null;
  /** Answer 500 to the next `n` requests, then 200. */
  failNext(n: number): void;
  /** Decide every answer (overrides failNext while set). */
  respond: ((req: ReceivedRequest, index: number) => Reply) | null;
  close(): Promise<void>;
}

/** A real HTTP receiver: records what arrives, checks signatures, and answers as a test tells it. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  let failures = 0;
  const sockets = new Set<import('node:net').Socket>();
  const receiver: WebhookReceiver = {
    url: '',
    port: 0,
    requests: [],
    secret: null,
    failNext(n) {
      failures = n;
    },
    respond: null,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const header = String(req.headers['flightdeck-signature'] ?? '');
      const got: ReceivedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body,
        deliveryId: String(req.headers['flightdeck-delivery'] ?? ''),
        eventName: String(req.headers['flightdeck-event'] ?? ''),
        signatureValid: receiver.secret === null ? null : verifySignature(receiver.secret, body, header, Date.now()),
        json: () => JSON.parse(body),
      };
      const index = receiver.requests.push(got) - 1;
      let reply: Reply = { status: 200, body: 'ok' };
      if (receiver.respond) reply = receiver.respond(got, index);
      else if (failures > 0) {
        failures--;
        reply = { status: 500, body: 'try again' };
      }
      if (reply.hang) return;
      const send = () => {
        res.writeHead(reply.status ?? 200, { 'content-type': 'text/plain', ...reply.headers });
        res.end(reply.body ?? '');
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  // A free port from the system: test files run in parallel on a shared machine.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  receiver.port = (server.address() as import('node:net').AddressInfo).port;
  receiver.url = `http://127.0.0.1:${receiver.port}/hook`;
  return receiver;
}
