import { readCookie, SESSION_COOKIE } from '@/server/trpc/context';
import { refusal, type Refusal } from './refusal';

/**
 * Refuses what a hostile page could make a signed-in browser send. Browsers attach the session
 * cookie on their own but never an Authorization header, so Bearer calls are left alone; a
 * cookie call that changes something must come from our own origin, as JSON (a cross-site form
 * or a `no-cors` fetch cannot send `application/json` without a preflight, which we never grant).
 */
export function refuseCrossSite(method: string, headers: Headers): Refusal | null {
  if (method === 'GET' || method === 'HEAD' || headers.has('authorization')) return null;
  const origin = headers.get('origin');
  const fetchSite = headers.get('sec-fetch-site');
  if (!readCookie(headers.get('cookie'), SESSION_COOKIE)) {
    // No session yet (signing in): still refuse a browser posting from another origin.
    return origin !== null && !sameOrigin(origin, headers) && fetchSite !== 'same-origin' ? crossSite(origin) : null;
  }
  const fromUs = fetchSite !== null ? fetchSite === 'same-origin' : origin !== null && sameOrigin(origin, headers);
  if (!fromUs) return crossSite(origin ?? `none, Sec-Fetch-Site: ${fetchSite ?? 'none'}`);
  const type = mediaType(headers.get('content-type'));
  if (type !== 'application/json') {
    return refusal(
      'FORBIDDEN',
      `a signed-in browser may only send application/json (got ${type || 'no content-type'})`,
    );
  }
  return null;
}

function crossSite(origin: string): Refusal {
  return refusal(
    'FORBIDDEN',
    `cross-site request refused (Origin: ${origin}): sign in to this dashboard and act from it, or call the API with a Bearer token`,
  );
}

/** `Origin: null` (sandboxed frames, some redirects) never matches. */
function sameOrigin(origin: string, headers: Headers): boolean {
  if (origin === 'null') return false;
  const host = (headers.get('x-forwarded-host') ?? headers.get('host'))?.split(',')[0].trim().toLowerCase();
  try {
    return !!host && new URL(origin).host === host;
  } catch {
    return false;
  }
}

function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';', 1)[0].trim().toLowerCase();
}
