// Plain JavaScript: next.config.js loads it without a TypeScript step, and the servers share it.

/** On every answer: pages, API, static files. */
export const SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
];

/** API answers are JSON or event streams: nothing in them may load, run or be framed. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * The dashboard's policy: scripts only with this response's nonce (Next adds it to its own
 * scripts, and 'strict-dynamic' lets them load their chunks). Inline style attributes are
 * allowed: charts set them, and styles cannot run code. Development adds 'unsafe-eval' for
 * React's error overlay.
 * @param {string} nonce
 * @param {boolean} dev
 */
export function pageCsp(nonce, dev) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
