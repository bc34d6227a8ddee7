// Seeded toy datasets (2-D blobs and spirals here, the identities in identities.ts), split per class.
import { makeIdentities } from './identities';
import { createRng, type Rng } from './rng';
import { stratifiedSplit } from './stratified';

/** A labelled point set: `x` is n×dim row-major, `y` the class ids 0…C−1. */
export interface Split {
  x: Float32Array;
  y: Int32Array;
  n: number;
}

/** A dataset ready to train on: input dimension, class count and the two splits. */
export interface Dataset {
  name: DatasetName;
  inputDim: number;
  numClasses: number;
  train: Split;
  test: Split;
}

export type DatasetName = 'identities' | 'blobs' | 'spirals' | 'mnist' | 'custom';

/** Parameters of the toy datasets: C classes (2–12), samples per class, noise (≥ 0), test fraction [0, 0.9]. */
export interface ToyParams {
  classes: number;
  perClass: number;
  noise: number;
  testFraction: number;
  seed: number;
}

/**
 * Points grouped by class (class j holds `perClass` rows in order), split per class so train and
 * test stay balanced, each split shuffled with the seed: the stratified split of equal classes.
 */
export function splitByClass(
  x: Float32Array,
  dim: number,
  classes: number,
  perClass: number,
  testFraction: number,
  rng: Rng,
): { train: Split; test: Split } {
  const y = Int32Array.from({ length: classes * perClass }, (_, row) => Math.floor(row / perClass));
  return stratifiedSplit(x, dim, y, classes, testFraction, rng);
}

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

/** The generated dataset a structural config names (identities, blobs or spirals). */
export function makeToyDataset(name: 'identities' | 'blobs' | 'spirals', p: ToyParams): Dataset {
  if (name === 'identities') return makeIdentities(p);
  return name === 'blobs' ? makeBlobs(p) : makeSpirals(p);
}
