// Per-frame arrays for the view: projection, interpolation and scale (pure, Float32Array).

export type Projection = 'sphere' | 'raw';

/** Writes n D-dimensional rows as 3-D points (z = 0 in 2-D), unit-normalised for 'sphere' or scaled for 'raw'. */
export function projectInto(
  out: Float32Array,
  x: Float32Array,
  n: number,
  D: number,
  projection: Projection,
  scale: number,
  radius = 1,
): void {
  for (let i = 0; i < n; i++) {
    const a = x[i * D] ?? 0;
    const b = x[i * D + 1] ?? 0;
    const c = D > 2 ? (x[i * D + 2] ?? 0) : 0;
    let k = scale;
    if (projection === 'sphere') {
      const norm = Math.hypot(a, b, c);
      k = norm > 0 ? radius / norm : 0;
    }
    out[3 * i] = a * k;
    out[3 * i + 1] = b * k;
    out[3 * i + 2] = c * k;
  }
}

/** out = from + t·(to − from), then back onto the sphere of `radius` when `renormalize` (spherical paths). */
export function interpolate(out: Float32Array, from: Float32Array, to: Float32Array, t: number, renormalize: boolean, radius = 1): void {
  const u = Math.min(1, Math.max(0, t));
  for (let i = 0; i < out.length; i += 3) {
    let a = from[i]! + u * (to[i]! - from[i]!);
    let b = from[i + 1]! + u * (to[i + 1]! - from[i + 1]!);
    let c = from[i + 2]! + u * (to[i + 2]! - from[i + 2]!);
    if (renormalize) {
      const norm = Math.hypot(a, b, c);
      if (norm > 1e-9) {
        a *= radius / norm;
        b *= radius / norm;
        c *= radius / norm;
      }
    }
    out[i] = a;
    out[i + 1] = b;
    out[i + 2] = c;
  }
}

/** Mean and a high quantile (≈ 95th percentile, by sampling) of the row norms of an N×D array. */
export function normStats(x: Float32Array, n: number, D: number): { mean: number; p95: number } {
  if (n === 0) return { mean: 1, p95: 1 };
  const stride = Math.max(1, Math.floor(n / 2000));
  const norms: number[] = [];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let d = 0; d < D; d++) s += (x[i * D + d] ?? 0) ** 2;
    const v = Math.sqrt(s);
    sum += v;
    if (i % stride === 0) norms.push(v);
  }
  norms.sort((p, q) => p - q);
  return { mean: sum / n, p95: norms[Math.floor(0.95 * (norms.length - 1))] ?? 1 };
}

/** Columns of a D×C matrix as unit 3-vectors (C×3) and their norms. */
export function unitColumns(W: Float32Array, D: number, C: number): { dirs: Float32Array; norms: Float32Array } {
  const dirs = new Float32Array(C * 3);
  const norms = new Float32Array(C);
  for (let j = 0; j < C; j++) {
    const a = W[j] ?? 0;
    const b = W[C + j] ?? 0;
    const c = D > 2 ? (W[2 * C + j] ?? 0) : 0;
    const n = Math.hypot(a, b, c);
    norms[j] = n;
    const k = n > 0 ? 1 / n : 0;
    dirs[3 * j] = a * k;
    dirs[3 * j + 1] = b * k;
    dirs[3 * j + 2] = c * k;
  }
  return { dirs, norms };
}
