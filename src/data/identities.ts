// The lesson's default dataset: Gaussian "identities" in a higher-dimensional input space, with
// shared nuisance factors (think pose and lighting) that every class varies along.
import { splitByClass } from './stratified';
import type { Dataset, Split, ToyParams } from './types';
import { createRng, type Rng } from './rng';
import { MAX_HELDOUT_PER_CLASS } from './holdout';

/** Input dimension of the identities dataset. */
export const IDENTITY_INPUT_DIM = 32;
/** Shared nuisance directions, and their standard deviation relative to the class means' spread. */
export const IDENTITY_NUISANCE_FACTORS = 4;
export const IDENTITY_NUISANCE_SCALE = 1.5;
/** Salt of the held-out identities' own random stream: holding some out never changes the trained data. */
const HOLDOUT_SALT = 0x51ed270b;

/** The generator's fixed parts: the identity subspace (null: all of the input) and the nuisance directions. */
interface IdentityModel {
  d: number;
  /** d×k orthonormal basis of the identity subspace, or null for the whole input. */
  basis: Float64Array | null;
  dims: number;
  scale: number;
  /** d×K nuisance directions. */
  A: Float64Array;
  noise: number;
}

/** A random orthonormal d×k basis (Gram–Schmidt of Gaussian columns). */
function randomBasis(d: number, k: number, rng: Rng): Float64Array {
  const Q = new Float64Array(d * k);
  for (let j = 0; j < k; j++) {
    const v = Float64Array.from({ length: d }, () => rng.normal());
    for (let p = 0; p < j; p++) {
      let dot = 0;
      for (let i = 0; i < d; i++) dot += v[i]! * Q[i * k + p]!;
      for (let i = 0; i < d; i++) v[i]! -= dot * Q[i * k + p]!;
    }
    const norm = Math.hypot(...v);
    for (let i = 0; i < d; i++) Q[i * k + j] = v[i]! / norm;
  }
  return Q;
}

/**
 * One identity's mean: N(0, scale²·d/k) in each of the k coordinates of the identity subspace, so
 * that in every subspace the means vary by scale² per input coordinate on average (d·scale² in
 * all), as the default's N(0, I_d) means do at scale 1.
 */
function drawMean(m: IdentityModel, rng: Rng): Float64Array {
  if (!m.basis) return Float64Array.from({ length: m.d }, () => m.scale * rng.normal());
  const sd = m.scale * Math.sqrt(m.d / m.dims);
  const u = Float64Array.from({ length: m.dims }, () => sd * rng.normal());
  const mu = new Float64Array(m.d);
  for (let i = 0; i < m.d; i++) for (let j = 0; j < m.dims; j++) mu[i]! += m.basis[i * m.dims + j]! * u[j]!;
  return mu;
}

/** `count` samples of each mean, class by class, into one n×d array. */
function drawSamples(m: IdentityModel, means: Float64Array[], count: number, rng: Rng): Float32Array {
  const { d, A } = m;
  const k = IDENTITY_NUISANCE_FACTORS;
  const x = new Float32Array(means.length * count * d);
  const z = new Float64Array(k);
  means.forEach((mu, c) => {
    for (let s = 0; s < count; s++) {
      const row = (c * count + s) * d;
      for (let j = 0; j < k; j++) z[j] = rng.normal();
      for (let i = 0; i < d; i++) {
        let v = mu[i]! + m.noise * rng.normal();
        for (let j = 0; j < k; j++) v += A[i * k + j]! * z[j]!;
        x[row + i] = v;
      }
    }
  });
  return x;
}

/** Nuisance directions: random, each scaled to a norm of scale·√(d/k). */
function nuisance(d: number, rng: Rng): Float64Array {
  const k = IDENTITY_NUISANCE_FACTORS;
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
  return A;
}

/**
 * C identities in IDENTITY_INPUT_DIM (d) dimensions. Identity c has a mean μ_c: by default
 * N(0, I_d), so two means lie about √(2d) = 8 apart; `idScale` multiplies that spread (the means'
 * sd per input coordinate), and with `idDims` = k < d the means span a random k-dimensional
 * subspace with the same total variance d·idScale² (sd idScale·√(d/k) along each of its axes).
 * Each sample is
 *   x = μ_c + A·z + σ·ε,   z ~ N(0, I_K),  ε ~ N(0, I_d),
 * where A (d×K) is shared by every class: K directions of "pose and lighting" whose total variance
 * is (IDENTITY_NUISANCE_SCALE)²·d, 2.25 times the default means' own. σ = `noise` makes classes
 * overlap. The nuisance is what a discriminative feature must learn to ignore: softmax leaves part
 * of it in the features, a margin squeezes it out. Seeded; classes balanced; split per class.
 *
 * `holdout` = h adds h identities that are never trained on, drawn from the same generator
 * (subspace, scale, nuisance, σ) with a random stream of their own: `perClass` samples each (at
 * most MAX_HELDOUT_PER_CLASS), all
 * in `heldout`, labelled 0…h−1. The trained data is the same with and without them.
 */
export function makeIdentities(p: ToyParams): Dataset {
  const rng = createRng(p.seed);
  const d = IDENTITY_INPUT_DIM;
  const dims = Math.min(d, Math.max(1, Math.round(p.idDims ?? d)));
  const basis = dims < d ? randomBasis(d, dims, rng) : null;
  const scale = p.idScale ?? 1;
  const partial = { d, basis, dims, scale, noise: p.noise };
  const means = Array.from({ length: p.classes }, () => drawMean({ ...partial, A: new Float64Array(0) }, rng));
  const model: IdentityModel = { ...partial, A: nuisance(d, rng) };
  const x = drawSamples(model, means, p.perClass, rng);
  const split = splitByClass(x, d, p.classes, p.perClass, p.testFraction, rng);
  const h = Math.max(0, Math.round(p.holdout ?? 0));
  const heldout =
    h > 0 ? heldOutIdentities(model, h, Math.min(p.perClass, MAX_HELDOUT_PER_CLASS), createRng(p.seed ^ HOLDOUT_SALT)) : undefined;
  return { name: 'identities', inputDim: d, numClasses: p.classes, ...split, ...(heldout ? { heldout } : {}) };
}

/** h new identities of the same model, from their own stream, grouped by identity. */
function heldOutIdentities(model: IdentityModel, h: number, perClass: number, rng: Rng): Split {
  const means = Array.from({ length: h }, () => drawMean(model, rng));
  return {
    x: drawSamples(model, means, perClass, rng),
    y: Int32Array.from({ length: h * perClass }, (_, i) => Math.floor(i / perClass)),
    n: h * perClass,
  };
}
