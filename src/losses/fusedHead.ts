// The softmax heads in one pass, forward and backward written out. The cosine head: normalise the
// features and the class weights, cosines, the margin target on each label's cosine, the
// cross-entropy, and the gradients back to the raw features and raw weights. The raw head: logits
// x·W + b and their cross-entropy. Plain arrays, no tfjs: the trainer's fused head kernel runs them
// (train/headKernel.ts); `cosineMarginLoss` and `rawLogitCrossEntropy` in tensorOps.ts are the same
// losses as tfjs ops, and a test holds them equal.
import type { CosineHeadSpec } from './headSpec';
import { backThroughColumns, backThroughRow, unitColumns, unitRow } from './unitVectors';

/**
 * One row's cross-entropy on logits z with label y: returns lse(z) − z_y and overwrites z with
 * ∂/∂z of the batch mean, (softmax − onehot)/N.
 */
export function crossEntropyRow(z: Float64Array, y: number, N: number): number {
  let max = -Infinity;
  for (let j = 0; j < z.length; j++) if (z[j]! > max) max = z[j]!;
  const zy = z[y]!;
  let sum = 0;
  for (let j = 0; j < z.length; j++) {
    z[j] = Math.exp(z[j]! - max);
    sum += z[j]!;
  }
  const loss = max + Math.log(sum) - zy;
  for (let j = 0; j < z.length; j++) z[j] = (z[j]! / sum - (j === y ? 1 : 0)) / N;
  return loss;
}

export interface HeadShapes {
  /** Batch size, feature dimension, classes. */
  N: number;
  D: number;
  C: number;
}

/**
 * Mean loss of the batch, with logits r_j·g(cos θ_j) and the target r_y·f(cos θ_y), where r is s,
 * for `'norm'` the feature's norm √(‖x‖² + ε) (SphereFace), for `'norms'` that times √(‖W_j‖² + ε)
 * (L-Softmax), differentiated too. Writes ∂L/∂x (N×D, row-major) into `dx` and ∂L/∂W (D×C·K) into `dW` (undefined: not wanted, as for the forces).
 * x is N×D raw features, W is D×(C·K) raw weights (column j·K + k = sub-centre k of class j), `labels` the classes.
 * The normalisation's gradient is its true Jacobian: for u = v/√(‖v‖² + ε),
 * ∂L/∂v = (∂L/∂u − u·⟨u, ∂L/∂u⟩)/√(‖v‖² + ε).
 */
export function cosineHead(
  x: ArrayLike<number>,
  W: ArrayLike<number>,
  labels: ArrayLike<number>,
  { N, D, C }: HeadShapes,
  { s, target, clip = 0, negative, K = 1, penalty }: CosineHeadSpec,
  dx: Float32Array,
  dW: Float32Array | undefined,
): number {
  // W's columns: C·K (K sub-centres per class); `col[j]` is the one class j's cosine comes from in this row.
  const cols = C * K;
  const { wn, rw } = unitColumns(W, D, cols);
  const col = new Int32Array(C);
  const dwn = dW ? new Float64Array(D * cols) : undefined;
  // ∂L/∂‖W_j‖ when the scale holds the weight norms ('norms'), and each logit's scale r_j.
  const dwNorm = new Float64Array(cols);
  const rs = new Float64Array(C);
  const xn = new Float64Array(D);
  const z = new Float64Array(C);
  const g = new Float64Array(C);
  const slopes = new Float64Array(C);
  const cos = new Float64Array(C);
  const through = new Float64Array(C);
  const dcos = new Float64Array(C);
  const dxn = new Float64Array(D);
  let total = 0;
  for (let i = 0; i < N; i++) {
    const rx = unitRow(x, i, D, xn);
    const y = labels[i]!;
    // The scale: s, the feature's own norm, or that times each weight's norm (then differentiated too).
    const n = 1 / rx;
    // The cosines (clipped: slope 0 where the clip holds), then each logit and its slope in its
    // cosine: the target's f for the label, the negatives' g (or the cosine itself) for the others.
    for (let j = 0; j < C; j++) {
      let c = -Infinity;
      for (let k = 0; k < K; k++) {
        let ck = 0;
        for (let d = 0; d < D; d++) ck += xn[d]! * wn[d * cols + j * K + k]!;
        if (ck > c) {
          c = ck;
          col[j] = j * K + k;
        }
      }
      through[j] = 1;
      if (clip > 0 && (c < -1 + clip || c > 1 - clip)) {
        c = Math.min(1 - clip, Math.max(-1 + clip, c));
        through[j] = 0;
      }
      cos[j] = c;
    }
    const cy = cos[y]!;
    let targetNormSlope = 0;
    for (let j = 0; j < C; j++) {
      let f: number;
      let df: number;
      if (j === y) {
        const t = target(cy, n);
        f = t[0];
        df = t[1];
        targetNormSlope = t[2] ?? 0;
      } else if (negative) {
        const t = negative(cos[j]!, cy);
        f = t[0];
        df = t[1];
      } else {
        f = cos[j]!;
        df = 1;
      }
      g[j] = f;
      slopes[j] = through[j]! * df;
      rs[j] = s === 'norm' ? n : s === 'norms' ? n / rw[col[j]!]! : s;
      z[j] = rs[j]! * f;
    }
    total += crossEntropyRow(z, y, N);
    // Through the scale and the target's slope to the cosines. ∂L/∂n gathers what depends on the
    // norm itself: the scale when it is the norm (Σ_j ∂L/∂z_j · g_j), the target's margin, the penalty.
    let dn = 0;
    for (let j = 0; j < C; j++) {
      if (s === 'norm') dn += z[j]! * g[j]!;
      else if (s === 'norms') {
        // r_j = n·w_j: ∂r_j/∂n = w_j, ∂r_j/∂w_j = n.
        dn += (z[j]! * g[j]! * rs[j]!) / n;
        dwNorm[col[j]!] = dwNorm[col[j]!]! + z[j]! * g[j]! * n;
      }
      dcos[j] = rs[j]! * z[j]! * slopes[j]!;
    }
    dn += rs[y]! * z[y]! * targetNormSlope;
    if (penalty) {
      const [h, dh] = penalty(n);
      total += h;
      dn += dh / N;
    }
    backThroughRow({ dcos, col, xn, rx, dn }, wn, cols, i, dwn, dx, dxn);
  }
  if (dW && dwn) backThroughColumns(dwn, wn, rw, D, dW, dwNorm);
  return total / N;
}

/** Center loss's pull: λ/(2N)·Σ‖x_i − c_{y_i}‖² with the centres (C×D) held constant. */
export interface CenterPull {
  lambda: number;
  centers: ArrayLike<number>;
}

/**
 * Mean softmax cross-entropy on raw logits x·W + b (no bias when `bias` is undefined), plus the
 * centre pull when given; writes ∂L/∂x, ∂L/∂W and, with a bias, ∂L/∂b into `db`.
 */
export function rawSoftmaxHead(
  x: ArrayLike<number>,
  W: ArrayLike<number>,
  bias: ArrayLike<number> | undefined,
  labels: ArrayLike<number>,
  { N, D, C }: HeadShapes,
  dx: Float32Array,
  dW: Float32Array | undefined,
  db: Float32Array | undefined,
  pull?: CenterPull,
): number {
  const gW = new Float64Array(D * C);
  const gb = new Float64Array(C);
  const z = new Float64Array(C);
  let total = 0;
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < C; j++) {
      let v = bias ? bias[j]! : 0;
      for (let d = 0; d < D; d++) v += x[i * D + d]! * W[d * C + j]!;
      z[j] = v;
    }
    const y = labels[i]!;
    total += crossEntropyRow(z, y, N);
    for (let d = 0; d < D; d++) {
      let g = 0;
      const xi = x[i * D + d]!;
      if (pull) {
        const r = xi - pull.centers[y * D + d]!;
        total += 0.5 * pull.lambda * r * r;
        g += (pull.lambda * r) / N;
      }
      for (let j = 0; j < C; j++) {
        const k = d * C + j;
        g += z[j]! * W[k]!;
        if (dW) gW[k] = gW[k]! + xi * z[j]!;
      }
      dx[i * D + d] = g;
    }
    for (let j = 0; j < C; j++) gb[j] = gb[j]! + z[j]!;
  }
  dW?.set(gW);
  db?.set(gb);
  return total / N;
}
