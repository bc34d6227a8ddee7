// Float32Array vector math for features (N×D row-major) and class weights (D×C, column j = class j).

/** Angle (radians, [0, π]) between two vectors given by accessors; 0-length vectors give π/2. */
export function angleBetween(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let d = 0; d < a.length; d++) {
    const x = a[d] as number;
    const y = b[d] as number;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  if (na === 0 || nb === 0) return Math.PI / 2;
  return Math.acos(Math.max(-1, Math.min(1, dot / Math.sqrt(na * nb))));
}

/** Column j of a D×C row-major matrix as a length-D array. */
export function column(W: ArrayLike<number>, D: number, C: number, j: number): Float64Array {
  const out = new Float64Array(D);
  for (let d = 0; d < D; d++) out[d] = W[d * C + j] as number;
  return out;
}

/** Row i of an N×D row-major matrix (a view when the input is a typed array). */
export function row(X: Float32Array, D: number, i: number): Float32Array {
  return X.subarray(i * D, i * D + D);
}

/** All class weights as length-D arrays (column j of W). */
export function weightColumns(W: ArrayLike<number>, D: number, C: number): Float64Array[] {
  return Array.from({ length: C }, (_, j) => column(W, D, C, j));
}

/** Unit-length copy of a vector; a zero vector stays zero. */
export function normalized(v: ArrayLike<number>): Float64Array {
  let n = 0;
  for (let d = 0; d < v.length; d++) n += (v[d] as number) ** 2;
  const inv = n > 0 ? 1 / Math.sqrt(n) : 0;
  return Float64Array.from({ length: v.length }, (_, d) => (v[d] as number) * inv);
}
