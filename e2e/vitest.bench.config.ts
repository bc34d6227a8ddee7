// `npm run bench:lesson`: runs the real Trainer headless (tfjs WASM in Node) through Vitest, which
// resolves tfjs's ES modules the way the app's bundler does. A runner, not a test suite.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/*.bench.ts'],
    environment: 'node',
    testTimeout: 30 * 60_000,
    reporters: ['default'],
  },
});
