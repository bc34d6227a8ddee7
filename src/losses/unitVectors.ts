// The normalisation both written-out heads share (fusedHead.ts, binaryHead.ts): features and class
// weights as unit vectors, and the way back through it to the raw ones. For u = v/√(‖v‖² + ε):
// ∂L/∂v = (∂L/∂u − u·⟨u, ∂L/∂u⟩)/√(‖v‖² + ε). Plain arrays, float64.

/** Guards 0/0 for an all-zero row, as tensorOps' normalisation does. */
export const NORM_EPS = 1e-12;

/** W's columns (D×cols, row-major) as unit vectors Ŵ, and each column's 1/√(‖W_j‖² + ε). */
export function unitColumns(W: ArrayLike<number>, D: number, cols: number): { wn: Float64Array; rw: Float64Array } {
  const wn = new Float64Array(D * cols);
  const rw = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    let sq = 0;
    for (let d = 0; d < D; d++) sq += W[d * cols + j]! ** 2;
    rw[j] = 1 / Math.sqrt(sq + NORM_EPS);
    for (let d = 0; d < D; d++) wn[d * cols + j] = W[d * cols + j]! * rw[j]!;
  }
  return { wn, rw };
}

/** Row i of x (N×D) as a unit vector, written into `xn`; returns 1/√(‖x_i‖² + ε). */
export function unitRow(x: ArrayLike<number>, i: number, D: number, xn: Float64Array): number {
  let sq = 0;
  for (let d = 0; d < D; d++) sq += x[i * D + d]! ** 2;
  const rx = 1 / Math.sqrt(sq + NORM_EPS);
  for (let d = 0; d < D; d++) xn[d] = x[i * D + d]! * rx;
  return rx;
}

/** One row's scratch and where its gradients go. */
export interface RowBack {
  /** ∂L/∂cos for each class; class j's cosine is with column col[j] of Ŵ. */
  dcos: Float64Array;
  col: Int32Array;
  /** The row as a unit vector and its 1/√(‖x‖² + ε). */
  xn: Float64Array;
  rx: number;
  /** ∂L/∂n for a term of the feature norm itself (n = √(‖x‖² + ε), ∂n/∂x = x̂); 0: none. */
  dn: number;
}

/**
 * Back from one row's ∂L/∂cos: writes ∂L/∂x_i into row i of `dx` and adds x̂_i·∂L/∂cos_ij to
 * ∂L/∂Ŵ (`dwn`, D×cols; undefined: ∂L/∂x only). `dxn` is scratch of length D.
 */
export function backThroughRow(
  { dcos, col, xn, rx, dn }: RowBack,
  wn: Float64Array,
  cols: number,
  i: number,
  dwn: Float64Array | undefined,
  dx: Float32Array,
  dxn: Float64Array,
): void {
  const D = xn.length;
  let dot = 0;
  for (let d = 0; d < D; d++) {
    let acc = 0;
    for (let j = 0; j < dcos.length; j++) {
      const k = d * cols + col[j]!;
      acc += dcos[j]! * wn[k]!;
      if (dwn) dwn[k] = dwn[k]! + xn[d]! * dcos[j]!;
    }
    dxn[d] = acc;
    dot += acc * xn[d]!;
  }
  for (let d = 0; d < D; d++) dx[i * D + d] = (dxn[d]! - xn[d]! * dot) * rx + dn * xn[d]!;
}

/** ∂L/∂W from ∂L/∂Ŵ through the columns' normalisation, plus ∂L/∂‖W_j‖·Ŵ_j where `dNorm` is given (∂‖W_j‖/∂W_j = Ŵ_j). */
export function backThroughColumns(
  dwn: Float64Array,
  wn: Float64Array,
  rw: Float64Array,
  D: number,
  dW: Float32Array,
  dNorm?: Float64Array,
): void {
  const cols = rw.length;
  for (let j = 0; j < cols; j++) {
    let dot = 0;
    for (let d = 0; d < D; d++) dot += dwn[d * cols + j]! * wn[d * cols + j]!;
    const dn = dNorm ? dNorm[j]! : 0;
    for (let d = 0; d < D; d++) dW[d * cols + j] = (dwn[d * cols + j]! - wn[d * cols + j]! * dot) * rw[j]! + dn * wn[d * cols + j]!;
  }
}
