import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodePath } from './edge-checks';
import type { Logger } from '@/server/core/ports';
import { logRefusal, refusalBody, type Refusal } from './refusal';
import { refuseDeclaredBody, type RequestLimits } from './request-limits';
import { SECURITY_HEADERS } from './security-headers.mjs';

/**
 * What the production server refuses for every path, pages included, before Next or the API
 * sees the request: a path that cannot be decoded (Next would answer 500), and a declared
 * body over the limit. Returns true when it answered.
 */
export function refuseEarly(req: IncomingMessage, res: ServerResponse, limits: RequestLimits, log: Logger): boolean {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const malformed = decodePath(q < 0 ? url : url.slice(0, q)) === null;
  const refused: Refusal | null = malformed
    ? { status: 400, code: 'BAD_REQUEST', message: 'malformed percent-encoding in the request path' }
    : refuseDeclaredBody(headersOf(req), limits);
  if (!refused) return false;
  logRefusal(log, refused, { method: req.method ?? 'GET', path: q < 0 ? url : url.slice(0, q) });
  for (const { key, value } of SECURITY_HEADERS) res.setHeader(key, value);
  res.writeHead(refused.status, { 'content-type': 'application/json', connection: 'close' });
  res.end(refusalBody(refused));
  return true;
}

function headersOf(req: IncomingMessage): Headers {
  const length = req.headers['content-length'];
  return new Headers(length ? { 'content-length': length } : {});
}
