/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { mnistAsset } from './src/data/mnist/vitePlugin.ts';

// tfjs lives only in the worker; Vite's dependency scan does not follow `new Worker(new URL(...))`,
// so without this list the first dev load discovers tfjs late and reloads the page.
const tfjsDeps = [
  '@tensorflow/tfjs',
  '@tensorflow/tfjs-core',
  '@tensorflow/tfjs-core/dist/register_all_gradients',
  '@tensorflow/tfjs-backend-cpu',
  '@tensorflow/tfjs-backend-webgl',
  '@tensorflow/tfjs-backend-wasm',
];

export default defineConfig({
  plugins: [react(), mnistAsset()],
  base: './',
  worker: { format: 'es' },
  optimizeDeps: { include: tfjsDeps },
  // No data: URLs (fonts and images are files): a strict Content-Security-Policy without data: fonts works.
  build: { target: 'es2022', chunkSizeWarningLimit: 2500, assetsInlineLimit: 0 },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
