// The lesson's default dataset: Gaussian "identities" in a higher-dimensional input space, with
// shared nuisance factors (think pose and lighting) that every class varies along.
import { splitByClass } from './stratified';
import type { Dataset, ToyParams } from './types';
import { createRng } from './rng';

/** Input dimension of the identities dataset. */
export const IDENTITY_INPUT_DIM = 32;
/** Shared nuisance directions, and their standard deviation relative to the class means' spread. */
export const IDENTITY_NUISANCE_FACTORS = 4;
export const IDENTITY_NUISANCE_SCALE = 1.5;

/**
 * C identities in IDENTITY_INPUT_DIM (d) dimensions. Identity c has a mean μ_c ~ N(0, I_d), so two
 * means lie about √(2d) = 8 apart. Each sample is
 *   x = μ_c + A·z + σ·ε,   z ~ N(0, I_k),  ε ~ N(0, I_d),
 * where A (d×k) is shared by every class: k directions of "pose and lighting" whose total variance
 * is (IDENTITY_NUISANCE_SCALE)²·d, 2.25 times the means' own. σ = `noise` makes classes overlap
 * (σ 1: a few per cent of test points are ambiguous through a 3-D bottleneck). The nuisance is
 * what a discriminative feature must learn to ignore: softmax leaves part of it in the features,
 * a margin squeezes it out. Seeded; classes balanced; split per class like the other toy sets.
 */
export function makeIdentities(p: ToyParams): Dataset {
  const rng = createRng(p.seed);
  const d = IDENTITY_INPUT_DIM;
  const k = IDENTITY_NUISANCE_FACTORS;
  const means = Float64Array.from({ length: p.classes * d }, () => rng.normal());
  // Nuisance directions: random, each scaled to a norm of scale·√(d/k).
  const A = new Float64Array(d * k);
  for (let j = 0; j < k; j++) {
    let norm = 0;
    for (let i = 0; i < d; i++) {
      const v = rng.normal();
      A[i * k + j] = v;
      norm += v * v;
    }
    const f = (IDENTITY_NUISANCE_SCALE * Math.sqrt(d)) / Math.sqrt(norm) / Math.sqrt(k);
    for (let i = 0; i < d; i++) A[i * k + j]! *= f;
  }
  const x = new Float32Array(p.classes * p.perClass * d);
  const z = new Float64Array(k);
  for (let c = 0; c < p.classes; c++) {
    for (let s = 0; s < p.perClass; s++) {
      const row = (c * p.perClass + s) * d;
      for (let j = 0; j < k; j++) z[j] = rng.normal();
      for (let i = 0; i < d; i++) {
        let v = means[c * d + i]! + p.noise * rng.normal();
        for (let j = 0; j < k; j++) v += A[i * k + j]! * z[j]!;
        x[row + i] = v;
      }
    }
  }
  return { name: 'identities', inputDim: d, numClasses: p.classes, ...splitByClass(x, d, p.classes, p.perClass, p.testFraction, rng) };
}
