import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

/** Headers that describe one connection, not the message: never passed on (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

function withoutHopByHop(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const named = String(headers.connection ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const out: OutgoingHttpHeaders = {};
  for (const [key, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(key) || named.includes(key)) continue;
    out[key] = value;
  }
  return out;
}

/**
 * What a replica receives. `Host` is kept as the client sent it: the CSRF check compares
 * `Origin` with `X-Forwarded-Host` or else `Host`, and Next builds redirects from them. The
 * `X-Forwarded-*` values a load balancer in front of us set are kept; we add our own when absent.
 */
export function requestHeaders(
  headers: IncomingHttpHeaders,
  client: { address: string | undefined; encrypted: boolean },
): OutgoingHttpHeaders {
  const out = withoutHopByHop(headers);
  const chain = [headers['x-forwarded-for'], client.address].filter(Boolean).join(', ');
  if (chain) out['x-forwarded-for'] = chain;
  out['x-forwarded-proto'] ??= client.encrypted ? 'https' : 'http';
  if (headers.host) out['x-forwarded-host'] ??= headers.host;
  return out;
}

/** What the client receives: the replica's headers, minus those about its connection to us. */
export function responseHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out = withoutHopByHop(headers);
  // A replica closes a connection whose body it refused unread (413): so must we.
  if (String(headers.connection ?? '').toLowerCase() === 'close') out.connection = 'close';
  return out;
}

/** Server-sent events (`events.live`): ended cleanly when cut, so the client reconnects and resumes. */
export function isEventStream(headers: IncomingHttpHeaders): boolean {
  return String(headers['content-type'] ?? '').startsWith('text/event-stream');
}
