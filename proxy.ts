import { NextResponse, type NextRequest } from 'next/server';
import { isDevelopment } from '@/server/env';
import { API_CSP, pageCsp } from '@/server/http/security-headers.mjs';

/**
 * A fresh nonce per page: Next reads it from the request's Content-Security-Policy header and
 * puts it on its own scripts, so no inline script runs without it. API routes get a deny-all policy.
 */
export function proxy(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith('/api/')) {
    const res = NextResponse.next();
    res.headers.set('Content-Security-Policy', API_CSP);
    return res;
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
  const csp = pageCsp(nonce, isDevelopment());
  const headers = new Headers(request.headers);
  headers.set('Content-Security-Policy', csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set('Content-Security-Policy', csp);
  return res;
}

export const config = {
  // Static files carry no scripts to allow; they still get nosniff and the rest (next.config.js).
  matcher: ['/((?!_next/static|_next/image).*)'],
};
