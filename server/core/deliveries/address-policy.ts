import { isIP } from 'node:net';
import { invalid } from '../errors';

/**
 * Addresses a webhook may not reach unless private webhooks are allowed: loopback, link-local,
 * private, unspecified, CGNAT, multicast/reserved, and the IPv6 forms of all of them. Checked on
 * the address a request actually connects to (the sender's DNS lookup), and on literal IPs at save time.
 */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blockedV4(address);
  if (family === 6) return blockedV6(address.toLowerCase());
  return true; // not an address at all: refuse rather than guess
}

function blockedV4(a: string): boolean {
  const [p, q] = a.split('.').map(Number) as [number, number];
  return (
    p === 0 || // unspecified, "this network"
    p === 10 ||
    p === 127 ||
    (p === 100 && q >= 64 && q <= 127) || // CGNAT
    (p === 169 && q === 254) ||
    (p === 172 && q >= 16 && q <= 31) ||
    (p === 192 && q === 168) ||
    p >= 224 // multicast, reserved, broadcast
  );
}

function blockedV6(a: string): boolean {
  const mapped = /^(?:0*:)*:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a) ?? /^::(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) return blockedV4(mapped[1]!);
  const hexMapped = /^(?:0*:)*:?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(a);
  if (hexMapped) {
    const hi = parseInt(hexMapped[1]!, 16);
    const lo = parseInt(hexMapped[2]!, 16);
    return blockedV4(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
  }
  const words = expandV6(a);
  if (!words) return true;
  if (words.every((w) => w === 0)) return true; // ::
  if (words.slice(0, 7).every((w) => w === 0) && words[7] === 1) return true; // ::1
  const first = words[0]!;
  return (
    (first & 0xfe00) === 0xfc00 || // fc00::/7 unique local
    (first & 0xffc0) === 0xfe80 || // fe80::/10 link-local
    (first & 0xffc0) === 0xfec0 || // fec0::/10 old site-local
    (first & 0xff00) === 0xff00 // multicast
  );
}

/** Eight 16-bit words, or null for a form we do not read (refused). */
function expandV6(a: string): number[] | null {
  const [head, tail, ...rest] = a.split('::');
  if (rest.length) return null;
  const part = (s: string | undefined) => (s ? s.split(':').map((w) => parseInt(w, 16)) : []);
  const h = part(head);
  const t = tail === undefined ? [] : part(tail);
  const fill = tail === undefined ? 0 : 8 - h.length - t.length;
  const words = [...h, ...Array<number>(Math.max(0, fill)).fill(0), ...t];
  return words.length === 8 && words.every((w) => Number.isInteger(w) && w >= 0 && w <= 0xffff) ? words : null;
}

/** Host names that are loopback by definition (RFC 6761), refused at save time without a lookup. */
const isLocalName = (host: string) => host === 'localhost' || host.endsWith('.localhost');

/**
 * Checks a webhook URL when it is saved: http(s) only, no credentials in it, and (unless allowed)
 * no literal private address or localhost. Names are checked again on every request, on the
 * address they resolve to then: a name may point elsewhere later (DNS rebinding).
 */
export function checkWebhookUrl(raw: string, allowPrivate: boolean, field = 'url'): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid(`${field}: not a valid URL: ${raw.slice(0, 200)}`, { field });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw invalid(`${field}: only http and https URLs are allowed, not ${url.protocol}`, { field });
  if (url.username || url.password)
    throw invalid(`${field}: must not carry credentials (user:password@); the request is signed instead`, { field });
  if (!allowPrivate) {
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (isLocalName(host) || (isIP(host) && isBlockedAddress(host)))
      throw invalid(
        `${field}: ${host} is a loopback, link-local or private address; set FLIGHTDECK_ALLOW_PRIVATE_WEBHOOKS=1 to allow it`,
        { field },
      );
  }
  return url.toString();
}
