// Training metrics as pure functions of snapshot arrays: no tfjs, no DOM.
import { angleBetween, normalized, row, weightColumns } from './geometry';

/** Features (N×D row-major) with their labels. */
export interface Labeled {
  x: Float32Array;
  y: Int32Array;
  n: number;
  dim: number;
}

/** Class weights D×C (row-major, column j = class j) and, for softmax-type losses, a bias. */
export interface Classifier {
  W: Float32Array;
  numClasses: number;
  bias?: Float32Array;
  /** 'cosine': predict argmax cos θ_j (normalised losses); 'logits': argmax x·w_j + b_j. */
  mode: 'cosine' | 'logits';
}

/** Predicted class of each feature. */
export function predict(f: Labeled, clf: Classifier): Int32Array {
  const C = clf.numClasses;
  const D = f.dim;
  const cols = weightColumns(clf.W, D, C).map((w) => (clf.mode === 'cosine' ? normalized(w) : w));
  const out = new Int32Array(f.n);
  for (let i = 0; i < f.n; i++) {
    const xi = row(f.x, D, i);
    let norm = 1;
    if (clf.mode === 'cosine') {
      let s = 0;
      for (let d = 0; d < D; d++) s += (xi[d] as number) ** 2;
      norm = Math.sqrt(s) || 1;
    }
    let best = -Infinity;
    let arg = 0;
    for (let j = 0; j < C; j++) {
      const w = cols[j]!;
      let z = 0;
      for (let d = 0; d < D; d++) z += (xi[d] as number) * (w[d] as number);
      z = clf.mode === 'cosine' ? z / norm : z + (clf.bias?.[j] ?? 0);
      if (z > best) {
        best = z;
        arg = j;
      }
    }
    out[i] = arg;
  }
  return out;
}

/** Fraction of features classified correctly, in [0, 1] (0 for an empty set). */
export function accuracy(f: Labeled, clf: Classifier): number {
  if (f.n === 0) return 0;
  const pred = predict(f, clf);
  let hits = 0;
  for (let i = 0; i < f.n; i++) if (pred[i] === f.y[i]) hits++;
  return hits / f.n;
}

/** Mean angle (radians, [0, π]) between each feature and its own class weight. */
export function meanAngleToOwnWeight(f: Labeled, W: Float32Array, C: number): number {
  if (f.n === 0) return 0;
  const cols = weightColumns(W, f.dim, C);
  let sum = 0;
  for (let i = 0; i < f.n; i++) sum += angleBetween(row(f.x, f.dim, i), cols[f.y[i] ?? 0]!);
  return sum / f.n;
}

/** Mean direction of each class: the normalised mean of its unit features (zero if empty). */
export function classMeanDirections(f: Labeled, C: number): Float64Array[] {
  const D = f.dim;
  const sums = Array.from({ length: C }, () => new Float64Array(D));
  // In place, without a copy per row: these run over every feature of every snapshot.
  for (let i = 0; i < f.n; i++) {
    let sq = 0;
    for (let d = 0; d < D; d++) sq += (f.x[i * D + d] as number) ** 2;
    if (sq === 0) continue;
    const inv = 1 / Math.sqrt(sq);
    const s = sums[f.y[i] ?? 0]!;
    for (let d = 0; d < D; d++) s[d]! += (f.x[i * D + d] as number) * inv;
  }
  return sums.map(normalized);
}

/** Per class: the mean angle (radians) of its features to its mean direction (NaN with none), and how many it has. */
export function classSpreads(f: Labeled, means: readonly ArrayLike<number>[], C: number): { spread: Float64Array; count: Int32Array } {
  const sum = new Float64Array(C);
  const count = new Int32Array(C);
  for (let i = 0; i < f.n; i++) {
    const c = f.y[i]!;
    sum[c]! += angleBetween(row(f.x, f.dim, i), means[c]!);
    count[c]! += 1;
  }
  return { spread: Float64Array.from(sum, (s, c) => (count[c] ? s / count[c]! : NaN)), count };
}

/** Mean angle (radians) between each feature and its class's mean direction: the intra-class spread. */
export function meanIntraClassAngle(f: Labeled, C: number): number {
  if (f.n === 0) return 0;
  const D = f.dim;
  const means = classMeanDirections(f, C);
  let sum = 0;
  for (let i = 0; i < f.n; i++) {
    const m = means[f.y[i] ?? 0]!;
    let dot = 0;
    let na = 0;
    let nb = 0;
    for (let d = 0; d < D; d++) {
      const a = f.x[i * D + d] as number;
      dot += a * m[d]!;
      na += a * a;
      nb += m[d]! * m[d]!;
    }
    // angleBetween's convention: a zero vector is at π/2.
    sum += na === 0 || nb === 0 ? Math.PI / 2 : Math.acos(Math.max(-1, Math.min(1, dot / Math.sqrt(na * nb))));
  }
  return sum / f.n;
}

/** Smallest angle (radians) between any two class weights; π for fewer than two classes. */
export function minWeightAngle(W: Float32Array, D: number, C: number): number {
  const cols = weightColumns(W, D, C);
  let min = Math.PI;
  for (let a = 0; a < C; a++) for (let b = a + 1; b < C; b++) min = Math.min(min, angleBetween(cols[a]!, cols[b]!));
  return min;
}

/**
 * Angular margin of each feature (radians): θ to the nearest other class weight minus θ to its own
 * class weight. Positive: the feature sits that far inside its own region; negative: misclassified
 * by angle. Empty for fewer than two classes.
 */
export function angularMargins(f: Labeled, W: Float32Array, C: number): Float64Array {
  if (C < 2) return new Float64Array(0);
  const cols = weightColumns(W, f.dim, C);
  const out = new Float64Array(f.n);
  for (let i = 0; i < f.n; i++) {
    const xi = row(f.x, f.dim, i);
    const yi = f.y[i] ?? 0;
    let nearest = Infinity;
    for (let j = 0; j < C; j++) if (j !== yi) nearest = Math.min(nearest, angleBetween(xi, cols[j]!));
    out[i] = nearest - angleBetween(xi, cols[yi]!);
  }
  return out;
}

/**
 * The q-quantile (q in [0, 1]) of values, linearly interpolated between order statistics (the
 * definition of numpy's default and R's type 7). NaN for an empty input.
 */
export function quantile(values: ArrayLike<number>, q: number): number {
  const n = values.length;
  if (n === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const h = (n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * Histograms over [0, π] in `bins` equal bins of θ to the own class weight and θ to the nearest
 * other class weight (ArcFace paper Fig. 4a). Counts, not densities.
 */
export function angleHistograms(f: Labeled, W: Float32Array, C: number, bins = 36): { own: Uint32Array; nearestOther: Uint32Array } {
  const cols = weightColumns(W, f.dim, C);
  const own = new Uint32Array(bins);
  const nearestOther = new Uint32Array(bins);
  const bin = (theta: number) => Math.min(bins - 1, Math.floor((theta / Math.PI) * bins));
  for (let i = 0; i < f.n; i++) {
    const xi = row(f.x, f.dim, i);
    const yi = f.y[i] ?? 0;
    own[bin(angleBetween(xi, cols[yi]!))]!++;
    let nearest = Infinity;
    for (let j = 0; j < C; j++) if (j !== yi) nearest = Math.min(nearest, angleBetween(xi, cols[j]!));
    if (Number.isFinite(nearest)) nearestOther[bin(nearest)]!++;
  }
  return { own, nearestOther };
}
