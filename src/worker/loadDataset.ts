import { makeToyDataset, type Dataset } from '../data/datasets';
import { MNIST_ASSET_NAME } from '../data/mnist/format';
import { mnistDataset } from '../data/mnist/mnistDataset';
import type { StructuralConfig } from '../train/config';

let mnistBytes: Promise<ArrayBuffer> | undefined;

/** Fetches the bundled MNIST asset once per worker (same origin; never the internet). */
function fetchMnist(assetBase: string): Promise<ArrayBuffer> {
  mnistBytes ??= fetch(new URL(MNIST_ASSET_NAME, assetBase)).then((r) => {
    if (!r.ok) throw new Error(`could not load ${MNIST_ASSET_NAME}: HTTP ${r.status}`);
    return r.arrayBuffer();
  });
  mnistBytes.catch(() => (mnistBytes = undefined));
  return mnistBytes;
}

/** The dataset a structural config describes; MNIST is loaded only when chosen. */
export async function loadDataset(cfg: StructuralConfig, assetBase: string): Promise<Dataset> {
  if (cfg.dataset === 'mnist') return mnistDataset(await fetchMnist(assetBase), cfg.testFraction, cfg.seed);
  return makeToyDataset(cfg.dataset, {
    classes: cfg.classes,
    perClass: cfg.perClass,
    noise: cfg.noise,
    testFraction: cfg.testFraction,
    seed: cfg.seed,
  });
}
