import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isBlockedAddress } from '@/server/core/deliveries/address-policy';
import type { WebhookResponse, WebhookSender } from '@/server/core/deliveries/ports';

/** Response bodies are read up to this, then the connection is cut. */
export const MAX_RESPONSE_BYTES = 64 * 1024;

export interface WebhookSenderOptions {
  /** Loopback, link-local and private targets are allowed (FLIGHTDECK_ALLOW_PRIVATE_WEBHOOKS=1; tests). */
  allowPrivate: boolean;
}

const refused = (host: string, address: string) =>
  `refused: ${host} resolves to ${address}, a loopback, link-local or private address (FLIGHTDECK_ALLOW_PRIVATE_WEBHOOKS=1 allows it)`;

/**
 * Resolves as the socket would and drops blocked addresses: the check is on the address the
 * request connects to, not on the name saved earlier, so a name that later resolves to an
 * internal address (DNS rebinding) is still refused.
 */
function safeLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const ok = allowPrivate ? addresses : addresses.filter((a) => !isBlockedAddress(a.address));
      if (!ok.length) {
        const e = Object.assign(new Error(refused(hostname, addresses[0]?.address ?? '?')), { code: 'EBLOCKED' });
        return callback(e, '', 0);
      }
      if ((options as { all?: boolean }).all) return (callback as (e: null, a: dns.LookupAddress[]) => void)(null, ok);
      callback(null, ok[0]!.address, ok[0]!.family);
    });
  };
}

/** POSTs with node's http/https (never fetch: it follows redirects and cannot check the connected address). */
export function createWebhookSender(opts: WebhookSenderOptions): WebhookSender {
  const lookup = safeLookup(opts.allowPrivate);
  return {
    post(req) {
      const started = performance.now();
      const answer = (status: number | null, body: string, error: string | null): WebhookResponse => ({
        status,
        body,
        error,
        latencyMs: Math.round(performance.now() - started),
      });
      let url: URL;
      try {
        url = new URL(req.url);
      } catch {
        return Promise.resolve(answer(null, '', `not a valid URL: ${req.url.slice(0, 200)}`));
      }
      const host = url.hostname.replace(/^\[|\]$/g, '');
      // A literal IP is connected to without a lookup: check it here.
      if (!opts.allowPrivate && isIP(host) && isBlockedAddress(host))
        return Promise.resolve(answer(null, '', refused(host, host)));
      return new Promise<WebhookResponse>((resolve) => {
        let done = false;
        const finish = (r: WebhookResponse) => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          req.signal?.removeEventListener('abort', onAbort);
          resolve(r);
        };
        const lib = url.protocol === 'https:' ? https : http;
        const out = lib.request(url, {
          method: 'POST',
          headers: { ...req.headers, 'Content-Length': String(Buffer.byteLength(req.body)) },
          lookup,
          agent: false,
        });
        const timer = setTimeout(() => {
          finish(answer(null, '', `timed out after ${req.timeoutMs} ms`));
          out.destroy();
        }, req.timeoutMs);
        const onAbort = () => {
          finish(answer(null, '', 'aborted'));
          out.destroy();
        };
        req.signal?.addEventListener('abort', onAbort);
        out.on('socket', (socket) =>
          socket.on('connect', () => {
            // Belt and braces: whatever resolved the name, the peer we reached must be allowed.
            const peer = socket.remoteAddress ?? '';
            if (!opts.allowPrivate && isBlockedAddress(peer)) {
              finish(answer(null, '', refused(host, peer)));
              out.destroy();
            }
          }),
        );
        out.on('error', (err: NodeJS.ErrnoException) => finish(answer(null, '', err.message || String(err.code))));
        out.on('response', (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          const settle = () => finish(answer(res.statusCode ?? null, Buffer.concat(chunks).toString('utf8'), null));
          res.on('data', (c: Buffer) => {
            const room = MAX_RESPONSE_BYTES - size;
            if (room > 0) chunks.push(c.subarray(0, room));
            size += c.length;
            // Enough read: the rest is not ours to wait for (a receiver streaming forever).
            if (size >= MAX_RESPONSE_BYTES) {
              settle();
              res.destroy();
            }
          });
          res.on('end', settle);
          res.on('error', settle);
          res.on('close', settle);
        });
        out.end(req.body);
      });
    },
  };
}
