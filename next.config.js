/** @type {import('next').NextConfig} */
const nextConfig = {
  // Drivers stay outside the bundle: PGlite ships WASM and data files that webpack/turbopack break.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'ioredis', 'pino', 'prom-client', 'dockerode'],
  poweredByHeader: false,
};

export default nextConfig;
