import { SECURITY_HEADERS } from './server/http/security-headers.mjs';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Drivers stay outside the bundle: PGlite ships WASM and data files that webpack/turbopack break.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'ioredis', 'pino', 'prom-client', 'dockerode'],
  poweredByHeader: false,
  // Every answer Next serves, static files included; the Content-Security-Policy comes from proxy.ts.
  async headers() {
    return [{ source: '/:path*', headers: SECURITY_HEADERS }];
  },
};

export default nextConfig;
