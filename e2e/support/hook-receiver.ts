import http from 'node:http';
import { verifySignature } from '../../server/core/deliveries/signature';

export interface Received {
  path: string;
  deliveryId: string;
  eventName: string;
  signature: string;
  body: string;
}

/** A webhook receiver for the browser tests: records each request; `verified` checks one with a secret. */
export async function startHookReceiver(port: number) {
  const requests: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      requests.push({
        path: req.url ?? '',
        deliveryId: String(req.headers['flightdeck-delivery'] ?? ''),
        eventName: String(req.headers['flightdeck-event'] ?? ''),
        signature: String(req.headers['flightdeck-signature'] ?? ''),
        body,
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    verified: (r: Received, secret: string) => verifySignature(secret, r.body, r.signature, Date.now()),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
