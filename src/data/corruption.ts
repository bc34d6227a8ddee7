// Label noise and low-quality samples: the data that shows why sub-center ArcFace, AdaFace and
// MagFace exist. Applied to a generated dataset after its split, each from a random stream of its own.
import { createRng, shuffleInPlace, type Rng } from './rng';
import type { Dataset, Split } from './types';

const LABEL_NOISE_SALT = 0x1abe1;
const LOW_QUALITY_SALT = 0x10a11;
/**
 * A low-quality sample keeps this share of its deviation from the split's mean (a blurred face
 * loses its detail) and gets noise for the rest: its variance per coordinate stays the split's, so
 * the input's size gives no hint of its quality and the network must learn it (bench:newer).
 */
export const LOW_QUALITY_KEEP = 0.3;
export const LOW_QUALITY_NOISE = Math.sqrt(1 - LOW_QUALITY_KEEP ** 2);

/** Exactly round(rate·n) distinct indices of 0…n−1, flagged. */
function pick(n: number, rate: number, rng: Rng): Uint8Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  shuffleInPlace(order, rng);
  const flags = new Uint8Array(n);
  const k = Math.round(Math.min(1, Math.max(0, rate)) * n);
  for (let i = 0; i < k; i++) flags[order[i]!] = 1;
  return flags;
}

/**
 * A share `rate` of the training labels reassigned (exactly round(rate·n) labels are wrong), each to
 * a uniformly chosen *other* class, or with `pair` to the next class (c → c + 1 mod C: the noise of
 * two confusable identities, "pair flip" in the noisy-label literature); the test labels stay
 * clean. `noisy` flags them.
 */
export function withLabelNoise(data: Dataset, rate: number, seed: number, kind: 'uniform' | 'pair' = 'uniform'): Dataset {
  if (rate <= 0 || data.numClasses < 2) return data;
  const rng = createRng(seed ^ LABEL_NOISE_SALT);
  const noisy = pick(data.train.n, rate, rng);
  const y = Int32Array.from(data.train.y);
  noisy.forEach((f, i) => {
    if (f) y[i] = (y[i]! + 1 + (kind === 'pair' ? 0 : rng.int(data.numClasses - 1))) % data.numClasses;
  });
  return { ...data, train: { ...data.train, y }, noisy };
}

/** Per-coordinate mean and standard deviation of a split's inputs. */
function coordinateStats(s: Split, d: number): { mean: Float64Array; sd: Float64Array } {
  const mean = new Float64Array(d);
  const sq = new Float64Array(d);
  for (let i = 0; i < s.n; i++) for (let j = 0; j < d; j++) mean[j]! += s.x[i * d + j]! / s.n;
  for (let i = 0; i < s.n; i++) for (let j = 0; j < d; j++) sq[j]! += (s.x[i * d + j]! - mean[j]!) ** 2 / Math.max(1, s.n - 1);
  return { mean, sd: sq.map(Math.sqrt) };
}

/** A split with `rate` of its samples blurred (LOW_QUALITY_KEEP of their detail, noise for the rest), and their flags. */
function degrade(s: Split, d: number, rate: number, rng: Rng): { split: Split; low: Uint8Array } {
  const low = pick(s.n, rate, rng);
  const { mean, sd } = coordinateStats(s, d);
  const x = Float32Array.from(s.x);
  low.forEach((f, i) => {
    if (!f) return;
    for (let j = 0; j < d; j++)
      x[i * d + j] = mean[j]! + LOW_QUALITY_KEEP * (s.x[i * d + j]! - mean[j]!) + LOW_QUALITY_NOISE * sd[j]! * rng.normal();
  });
  return { split: { ...s, x }, low };
}

/**
 * A share `rate` of the training and of the test samples made low-quality, as a blurred face: each
 * keeps LOW_QUALITY_KEEP of its deviation from the mean, and noise makes up the rest of the
 * split's variance. `lowQuality` flags them per split (quality is what MagFace and AdaFace read
 * from the feature norm).
 */
export function withLowQuality(data: Dataset, rate: number, seed: number): Dataset {
  if (rate <= 0) return data;
  const rng = createRng(seed ^ LOW_QUALITY_SALT);
  const train = degrade(data.train, data.inputDim, rate, rng);
  const test = degrade(data.test, data.inputDim, rate, rng);
  return { ...data, train: train.split, test: test.split, lowQuality: { train: train.low, test: test.low } };
}
