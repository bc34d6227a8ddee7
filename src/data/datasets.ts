// Seeded toy datasets (2-D blobs and spirals here, the identities in identities.ts), split per class.
import { withLabelNoise, withLowQuality } from './corruption';
import { holdOutLastClasses } from './holdout';
import { makeIdentities } from './identities';
import { createRng } from './rng';
import { splitByClass } from './stratified';
import type { Dataset, ToyParams } from './types';

export type { Dataset, DatasetName, Split, ToyParams } from './types';
export { DATASET_NAMES } from './types';
export { splitByClass } from './stratified';

/** C Gaussian clusters with centres evenly on a circle of radius 1; `noise` is each cluster's σ. */
export function makeBlobs(p: ToyParams): Dataset {
  const rng = createRng(p.seed);
  const x = new Float32Array(p.classes * p.perClass * 2);
  for (let c = 0; c < p.classes; c++) {
    const a = (2 * Math.PI * c) / p.classes;
    for (let i = 0; i < p.perClass; i++) {
      const row = c * p.perClass + i;
      x[2 * row] = Math.cos(a) + p.noise * rng.normal();
      x[2 * row + 1] = Math.sin(a) + p.noise * rng.normal();
    }
  }
  return { name: 'blobs', inputDim: 2, numClasses: p.classes, ...splitByClass(x, 2, p.classes, p.perClass, p.testFraction, rng) };
}

/** C interleaved spiral arms of 1.5 turns within the unit disc; `noise` jitters the radius and angle. */
export function makeSpirals(p: ToyParams): Dataset {
  const rng = createRng(p.seed);
  const x = new Float32Array(p.classes * p.perClass * 2);
  const turns = 1.5;
  for (let c = 0; c < p.classes; c++) {
    for (let i = 0; i < p.perClass; i++) {
      const t = 0.08 + 0.92 * ((i + rng.next()) / p.perClass); // radius in (0.08, 1]
      const a = (2 * Math.PI * c) / p.classes + 2 * Math.PI * turns * t + p.noise * rng.normal();
      const r = t + 0.05 * p.noise * rng.normal();
      const row = c * p.perClass + i;
      x[2 * row] = r * Math.cos(a);
      x[2 * row + 1] = r * Math.sin(a);
    }
  }
  return { name: 'spirals', inputDim: 2, numClasses: p.classes, ...splitByClass(x, 2, p.classes, p.perClass, p.testFraction, rng) };
}

/**
 * The generated dataset a structural config names (identities, blobs or spirals). Identities hold
 * out new identities; blobs and spirals their last `holdout` classes.
 */
export function makeToyDataset(name: 'identities' | 'blobs' | 'spirals', p: ToyParams): Dataset {
  const { holdout = 0, labelNoise = 0, noiseKind = 'uniform', lowQuality = 0, ...rest } = p;
  const clean =
    name === 'identities'
      ? makeIdentities({ ...rest, holdout })
      : holdOutLastClasses(name === 'blobs' ? makeBlobs(rest) : makeSpirals(rest), holdout);
  // Quality first: a low-quality sample's label may be noisy as well, independently.
  return withLabelNoise(withLowQuality(clean, lowQuality, p.seed), labelNoise, p.seed, noiseKind);
}

/** The toy generators' parameters in a structural config. */
export function toyParamsOf(cfg: ToyParams): ToyParams {
  const { classes, perClass, noise, testFraction, seed, idDims, idScale, holdout, labelNoise, noiseKind, lowQuality } = cfg;
  return { classes, perClass, noise, testFraction, seed, idDims, idScale, holdout, labelNoise, noiseKind, lowQuality };
}
