// @ts-check
// The plain tfjs reference (reference.mjs) timed in a browser worker, beside the app in the same run
// of `npm run bench`. tfjs's own script bundles and wasm binaries are served from node_modules by
// a Playwright route on a blank page of the preview's origin; the worker runs the reference's very
// source. The app trains in a worker too, so both are timed the same way.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const TFJS = dirname(require.resolve('@tensorflow/tfjs/package.json'));
const WASM = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
const REFERENCE = readFileSync(new URL('./reference.mjs', import.meta.url), 'utf8').replace(/^export /m, '');

/** The worker: loads tfjs, then on a message times `steps` reference steps after 30 to warm up. */
const WORKER = `
importScripts('tf.min.js', 'tf-backend-wasm.min.js');
tf.wasm.setWasmPaths(self.location.href.replace(/[^/]*$/, ''));
${REFERENCE}
onmessage = async ({ data }) => {
  try {
    await tf.setBackend(data.backend);
    await tf.ready();
    const { n, d, C, steps, opts } = data;
    let seed = 1;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
    const x = Float32Array.from({ length: n * d }, rand);
    const y = Int32Array.from({ length: n }, (_, i) => i % C);
    const ref = referenceArcFace(tf, x, y, d, C, opts);
    for (let i = 0; i < 30; i++) ref.step();
    const t0 = performance.now();
    for (let i = 0; i < steps; i++) ref.step();
    const rate = (steps * 1000) / (performance.now() - t0);
    ref.dispose();
    postMessage({ rate, backend: tf.getBackend() });
  } catch (err) {
    postMessage({ error: String(err) });
  }
};`;

const FILES = {
  'tf.min.js': join(TFJS, 'dist/tf.min.js'),
  'tf-backend-wasm.min.js': join(WASM, 'dist/tf-backend-wasm.min.js'),
  'tfjs-backend-wasm.wasm': join(WASM, 'dist/tfjs-backend-wasm.wasm'),
  'tfjs-backend-wasm-simd.wasm': join(WASM, 'dist/tfjs-backend-wasm-simd.wasm'),
  'tfjs-backend-wasm-threaded-simd.wasm': join(WASM, 'dist/tfjs-backend-wasm-threaded-simd.wasm'),
};

/**
 * Steps/s of the reference on `backend` in a worker of `page` (which it navigates away), with the
 * app's default model and data shape: 1,680 samples of 32 inputs, 8 classes, batch 256.
 * @param {import('playwright-core').Page} page
 * @param {string} base
 * @param {string} backend
 */
export async function referenceRate(page, base, backend) {
  const root = `${base}__reference/`;
  await page.route(`${root}**`, (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
    if (name === 'worker.js') return route.fulfill({ body: WORKER, contentType: 'text/javascript' });
    if (name === 'index.html') return route.fulfill({ body: '<!doctype html><title>reference</title>', contentType: 'text/html' });
    const file = FILES[/** @type {keyof typeof FILES} */ (name)];
    if (!file) return route.fulfill({ status: 404, body: name });
    return route.fulfill({ path: file, contentType: name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript' });
  });
  try {
    await page.goto(`${root}index.html`);
    const out = await page.evaluate(
      ([url, backend]) =>
        new Promise((resolve) => {
          const w = new Worker(url);
          w.onmessage = (e) => {
            w.terminate();
            resolve(e.data);
          };
          w.onerror = (e) => resolve({ error: e.message });
          w.postMessage({
            backend,
            n: 1680,
            d: 32,
            C: 8,
            steps: 300,
            opts: { D: 3, hidden: 64, depth: 2, batch: 256, s: 10, m: 0.3, lr: 0.01 },
          });
        }),
      [`${root}worker.js`, backend],
    );
    if (out.error) throw new Error(`the reference failed on ${backend}: ${out.error}`);
    return out;
  } finally {
    await page.unroute(`${root}**`);
  }
}
