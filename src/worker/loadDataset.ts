import type { CustomData } from '../data/csv';
import { customDataset } from '../data/custom';
import { makeToyDataset, toyParamsOf, type Dataset } from '../data/datasets';
import { holdOutLastClasses } from '../data/holdout';
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
export async function loadDataset(cfg: StructuralConfig, assetBase: string, custom?: CustomData): Promise<Dataset> {
  if (cfg.dataset === 'mnist')
    return holdOutLastClasses(mnistDataset(await fetchMnist(assetBase), cfg.testFraction, cfg.seed), cfg.holdout);
  if (cfg.dataset === 'custom') {
    if (!custom) throw new Error('no uploaded data: choose a CSV file or paste one');
    return holdOutLastClasses(customDataset(custom, cfg.testFraction, cfg.seed), cfg.holdout);
  }
  return makeToyDataset(cfg.dataset, toyParamsOf(cfg));
}
