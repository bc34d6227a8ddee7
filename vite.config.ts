/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';
import { mnistAsset } from './src/build/mnistAsset.ts';
import { r3fCatalogue } from './src/build/threeCatalogue.ts';
import { deckPage } from './src/build/deckPage.ts';

// Offline after the first visit: Workbox precaches the build (the app, its worker, the WASM
// binaries, the MNIST asset, KaTeX's woff2 fonts); the page offers a reload when a new version is
// deployed (registerType 'prompt', src/ui/UpdateNotice.tsx).
const offline = VitePWA({
  registerType: 'prompt',
  injectRegister: false,
  manifest: {
    name: 'Hypersphere — margin losses, trained live',
    short_name: 'Hypersphere',
    description:
      'Watch margin losses shape features on a circle or sphere, trained live: softmax, center loss, NormFace, SphereFace, CosFace, ArcFace, the combined margin, L-Softmax, sub-center ArcFace, MagFace, AdaFace, CurricularFace and SphereFace2.',
    theme_color: '#0072b2',
    background_color: '#fbfbfd',
    display: 'standalone',
    start_url: './',
    scope: './',
    icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,wasm,bin,woff2}'],
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    // A link with a query string is the app's page: served from the precache offline.
    navigateFallback: 'index.html',
    navigateFallbackDenylist: [/slides\.html/],
    cleanupOutdatedCaches: true,
    // The first visit is served by the worker as soon as it is active (offline from then on); a
    // new version still waits for the page's "Reload".
    clientsClaim: true,
  },
});

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
  plugins: [
    react(),
    mnistAsset(),
    r3fCatalogue(fileURLToPath(new URL('./src/view/canvas/threeCatalogue.ts', import.meta.url))),
    // The example reveal.js deck: the second page, /slides.html.
    deckPage(fileURLToPath(new URL('.', import.meta.url))),
    offline,
  ],
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
