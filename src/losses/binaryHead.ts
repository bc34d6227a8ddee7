// SphereFace2's head in one pass, forward and backward written out: normalise the features and the
// class weights, C logistic terms per sample on z_j = r·(g(c_j) ∓ m) + b, and the gradients back to
// the raw features, the raw weights and the one learned b. Plain arrays, no tfjs: the trainer's
// fused head kernel runs it (train/headKernel.ts); sphereface2.ts's `loss` is the same loss as tfjs
// ops, and a test holds them equal.
import type { HeadShapes } from './fusedHead';
import { backThroughColumns, backThroughRow, unitColumns, unitRow } from './unitVectors';
import type { BinaryHeadSpec } from './headSpec';

/** log(1 + e^u), without overflow. */
function softplus(u: number): number {
  return u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
}

function sigmoid(u: number): number {
  return u >= 0 ? 1 / (1 + Math.exp(-u)) : Math.exp(u) / (1 + Math.exp(u));
}

/**
 * Mean loss lw/(r·N)·Σ_i [α·softplus(−z_iy) + (1 − α)·Σ_{j≠y} softplus(z_ij)], z_ij = r·(g(c_ij) ∓ m) + b
 * with c clipped to [−1, 1] (slope 0 outside, as tfjs's clip) and g(c) = 2((c + 1)/2)^t − 1.
 * Writes ∂L/∂x (N×D), ∂L/∂W (D×C) and ∂L/∂b (length 1). With `exact` off, ∂z/∂c = r (g and the
 * margin detached, as the paper's code).
 */
export function binaryHead(
  x: ArrayLike<number>,
  W: ArrayLike<number>,
  bias: ArrayLike<number>,
  labels: ArrayLike<number>,
  { N, D, C }: HeadShapes,
  { r, m, t, alpha, lw, exact }: BinaryHeadSpec,
  dx: Float32Array,
  dW: Float32Array | undefined,
  db: Float32Array,
): number {
  const b = bias[0]!;
  const { wn, rw } = unitColumns(W, D, C);
  const col = Int32Array.from({ length: C }, (_, j) => j); // class j's cosine is with column j
  const dwn = dW ? new Float64Array(D * C) : undefined;
  const xn = new Float64Array(D);
  const dcos = new Float64Array(C);
  const dxn = new Float64Array(D);
  const weight = lw / (r * N);
  let total = 0;
  let dbias = 0;
  for (let i = 0; i < N; i++) {
    const rx = unitRow(x, i, D, xn);
    const y = labels[i]!;
    for (let j = 0; j < C; j++) {
      let c = 0;
      for (let d = 0; d < D; d++) c += xn[d]! * wn[d * C + j]!;
      const through = c >= -1 && c <= 1 ? 1 : 0;
      c = Math.min(1, Math.max(-1, c));
      const base = (c + 1) / 2;
      const g = 2 * base ** t - 1;
      const dg = exact ? t * base ** (t - 1) : 1;
      const target = j === y;
      const z = r * (g + (target ? -m : m)) + b;
      // ∂/∂z of α·softplus(−z) (target) or (1 − α)·softplus(z) (negative).
      const dz = weight * (target ? -alpha * sigmoid(-z) : (1 - alpha) * sigmoid(z));
      total += weight * (target ? alpha * softplus(-z) : (1 - alpha) * softplus(z));
      dbias += dz;
      dcos[j] = dz * r * dg * through;
    }
    backThroughRow({ dcos, col, xn, rx, dn: 0 }, wn, C, i, dwn, dx, dxn);
  }
  if (dW && dwn) backThroughColumns(dwn, wn, rw, D, dW);
  db[0] = dbias;
  return total;
}
