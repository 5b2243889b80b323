import { refuseCrossSite } from './csrf';
import { refusal, type Refusal } from './refusal';
import { refuseDeclaredBody, refuseLargeBatch, type RequestLimits } from './request-limits';

/** What the API's two entry points (Node server, Next route) check before tRPC reads a request. */
export interface EdgeRequest {
  method: string;
  /** The procedure path as sent, still percent-encoded (`tasks.get`, `a,b` in a batch). */
  path: string;
  search: URLSearchParams;
  headers: Headers;
}

export function refuseAtEdge(req: EdgeRequest, limits: RequestLimits): Refusal | null {
  return (
    refuseMalformedPath(req.path) ??
    refuseCrossSite(req.method, req.headers) ??
    refuseDeclaredBody(req.headers, limits) ??
    refuseLargeBatch(req.path, req.search, limits)
  );
}

export function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

function refuseMalformedPath(path: string): Refusal | null {
  return decodePath(path) === null ? refusal('BAD_REQUEST', 'malformed percent-encoding in the request path') : null;
}
