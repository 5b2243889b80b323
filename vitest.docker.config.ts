import { defineConfig } from 'vitest/config';

// The Docker provider against a real engine: FLIGHTDECK_TEST_DOCKER_HOST=unix:///… npm run test:docker
export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: { include: ['server/adapters/providers/*.engine-check.ts'], testTimeout: 60_000 },
});
