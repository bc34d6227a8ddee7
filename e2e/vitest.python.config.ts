// `npm run test:python` first writes the Python tests' fixtures with the app's own code (tfjs WASM in
// Node), through Vitest, which resolves tfjs's ES modules and Vite's `?raw` imports as the build does.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/python.fixture.ts'],
    environment: 'node',
    testTimeout: 10 * 60_000,
    reporters: ['default'],
  },
});
