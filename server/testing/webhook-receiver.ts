import http from 'node:http';
import { verifySignature } from '@/server/core/deliveries/signature';

/** Tests start their servers in this range (the machine is shared). */
const PORTS = { from: 4200, to: 4299 };

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
  const span = PORTS.to - PORTS.from + 1;
  const first = Math.floor(Math.random() * span);
  for (let i = 0; i < span; i++) {
    const port = PORTS.from + ((first + i) % span);
    const ok = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (ok) {
      receiver.port = port;
      receiver.url = `http://127.0.0.1:${port}/hook`;
      return receiver;
    }
  }
  throw new Error(`no free port in ${PORTS.from}-${PORTS.to} for the webhook receiver`);
}
