// The data the page's run trains on, built in the page for the export: generated sets from their
// seed (the notebook regenerates them), MNIST from the bundled asset and an upload as given.
import type { CustomData } from '../../data/csv';
import { customDataset } from '../../data/custom';
import { makeToyDataset, toyParamsOf, type Dataset } from '../../data/datasets';
import { holdOutLastClasses } from '../../data/holdout';
import { MNIST_ASSET_NAME } from '../../data/mnist/format';
import { mnistDataset } from '../../data/mnist/mnistDataset';
import type { StructuralConfig } from '../../train/config';

/** The run's dataset, and whether a notebook must carry it (it cannot be rebuilt from the link). */
export async function runDataset(
  cfg: StructuralConfig,
  assetBase: string,
  custom?: CustomData,
): Promise<{ data: Dataset; carried: boolean }> {
  if (cfg.dataset === 'mnist') {
    const r = await fetch(new URL(MNIST_ASSET_NAME, assetBase));
    if (!r.ok) throw new Error(`could not load ${MNIST_ASSET_NAME}: HTTP ${r.status}`);
    return { data: holdOutLastClasses(mnistDataset(await r.arrayBuffer(), cfg.testFraction, cfg.seed), cfg.holdout), carried: true };
  }
  if (cfg.dataset === 'custom') {
    if (!custom) throw new Error('the uploaded data is gone: upload it again');
    return { data: holdOutLastClasses(customDataset(custom, cfg.testFraction, cfg.seed), cfg.holdout), carried: true };
  }
  return { data: makeToyDataset(cfg.dataset, toyParamsOf(cfg)), carried: false };
}
