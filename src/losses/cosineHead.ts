// The cosine-softmax head in one pass, forward and backward written out: normalise the features and
// the class weights, cosines, the margin target on each label's cosine, the cross-entropy, and the
// gradients back to the raw features and raw weights. Plain arrays, no tfjs: the trainer's fused
// head kernel runs it (train/headKernel.ts); `cosineMarginLoss` in tensorOps.ts is the same loss as
// tfjs ops, and a test holds the two equal.
import type { TargetFunction } from './definition';

/** Guards 0/0 for an all-zero row, as tensorOps' normalisation does. */
const NORM_EPS = 1e-12;

export interface HeadShapes {
  /** Batch size, feature dimension, classes. */
  N: number;
  D: number;
  C: number;
}

/**
 * Mean loss of the batch; writes ∂L/∂x (N×D, row-major) into `dx` and ∂L/∂W (D×C) into `dW`.
 * x is N×D raw features, W is D×C raw weights (column j = class j), `labels` the classes.
 * The normalisation's gradient is its true Jacobian: for u = v/√(‖v‖² + ε),
 * ∂L/∂v = (∂L/∂u − u·⟨u, ∂L/∂u⟩)/√(‖v‖² + ε).
 */
export function cosineHead(x: ArrayLike<number>, W: ArrayLike<number>, labels: ArrayLike<number>, { N, D, C }: HeadShapes, s: number, target: TargetFunction, dx: Float32Array, dW: Float32Array): number {
  const wn = new Float64Array(D * C);
  const rw = new Float64Array(C);
  for (let j = 0; j < C; j++) {
    let sq = 0;
    for (let d = 0; d < D; d++) sq += W[d * C + j]! ** 2;
    rw[j] = 1 / Math.sqrt(sq + NORM_EPS);
    for (let d = 0; d < D; d++) wn[d * C + j] = W[d * C + j]! * rw[j]!;
  }
  const dwn = new Float64Array(D * C);
  const xn = new Float64Array(D);
  const z = new Float64Array(C);
  const dcos = new Float64Array(C);
  const dxn = new Float64Array(D);
  let total = 0;
  for (let i = 0; i < N; i++) {
    let sq = 0;
    for (let d = 0; d < D; d++) sq += x[i * D + d]! ** 2;
    const rx = 1 / Math.sqrt(sq + NORM_EPS);
    for (let d = 0; d < D; d++) xn[d] = x[i * D + d]! * rx;
    const y = labels[i]!;
    let slope = 0;
    let max = -Infinity;
    for (let j = 0; j < C; j++) {
      let c = 0;
      for (let d = 0; d < D; d++) c += xn[d]! * wn[d * C + j]!;
      if (j === y) {
        const [f, df] = target(c);
        z[j] = s * f;
        slope = df;
      } else z[j] = s * c;
      if (z[j]! > max) max = z[j]!;
    }
    let sum = 0;
    for (let j = 0; j < C; j++) sum += Math.exp(z[j]! - max);
    const lse = max + Math.log(sum);
    total += lse - z[y]!;
    // ∂L/∂z = (softmax − onehot)/N, then through s and the target's slope to the cosines.
    for (let j = 0; j < C; j++) {
      const g = (Math.exp(z[j]! - lse) - (j === y ? 1 : 0)) / N;
      dcos[j] = s * g * (j === y ? slope : 1);
    }
    let dot = 0;
    for (let d = 0; d < D; d++) {
      let g = 0;
      for (let j = 0; j < C; j++) {
        const k = d * C + j;
        g += dcos[j]! * wn[k]!;
        dwn[k] = dwn[k]! + xn[d]! * dcos[j]!;
      }
      dxn[d] = g;
      dot += g * xn[d]!;
    }
    for (let d = 0; d < D; d++) dx[i * D + d] = (dxn[d]! - xn[d]! * dot) * rx;
  }
  for (let j = 0; j < C; j++) {
    let dot = 0;
    for (let d = 0; d < D; d++) dot += dwn[d * C + j]! * wn[d * C + j]!;
    for (let d = 0; d < D; d++) dW[d * C + j] = (dwn[d * C + j]! - wn[d * C + j]! * dot) * rw[j]!;
  }
  return total / N;
}
