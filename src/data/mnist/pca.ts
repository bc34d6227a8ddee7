// Principal components at build time (Node, in the Vite plugin): the digits are trained on their
// first components instead of 784 pixels. Uses ml-pca's eigendecomposition of the covariance.
import { PCA } from 'ml-pca';

/** A fitted projection: the data mean and the first k principal directions (k×d, row-major). */
export interface PcaProjection {
  d: number;
  k: number;
  mean: Float64Array;
  components: Float64Array;
  /** Variance along each component (the covariance's eigenvalues), largest first. */
  variances: Float64Array;
}

/**
 * Fits the first k principal components of n rows of x (n×d, row-major). Each component's sign
 * is fixed so that its largest-magnitude entry is positive: the result is the same on every run.
 */
export function fitPca(x: ArrayLike<number>, n: number, d: number, k: number): PcaProjection {
  if (n < 2 || k < 1 || k > d) throw new Error(`fitPca: need n ≥ 2 and 1 ≤ k ≤ d (n ${n}, d ${d}, k ${k})`);
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j]! += (x[i * d + j] as number) / n;
  // The covariance, one upper triangle, accumulated row by row (n·d²/2 multiply-adds).
  const cov = new Float64Array(d * d);
  const centred = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) centred[j] = (x[i * d + j] as number) - mean[j]!;
    for (let a = 0; a < d; a++) {
      const va = centred[a]!;
      if (va === 0) continue;
      const base = a * d;
      for (let b = a; b < d; b++) cov[base + b]! += va * centred[b]!;
    }
  }
  const rows: number[][] = [];
  for (let a = 0; a < d; a++) {
    const r = new Array<number>(d);
    for (let b = 0; b < d; b++) r[b] = (a <= b ? cov[a * d + b]! : cov[b * d + a]!) / (n - 1);
    rows.push(r);
  }
  const pca = new PCA(rows, { isCovarianceMatrix: true });
  const U = pca.getEigenvectors(); // d×d, column c = component c, by decreasing eigenvalue
  const ev = pca.getEigenvalues();
  const components = new Float64Array(k * d);
  for (let c = 0; c < k; c++) {
    let arg = 0;
    for (let j = 1; j < d; j++) if (Math.abs(U.get(j, c)) > Math.abs(U.get(arg, c))) arg = j;
    const sign = U.get(arg, c) < 0 ? -1 : 1;
    for (let j = 0; j < d; j++) components[c * d + j] = sign * U.get(j, c);
  }
  return { d, k, mean, components, variances: Float64Array.from(ev.slice(0, k)) };
}

/** The k component scores of n rows of x: (x − mean)·componentsᵀ, n×k row-major. */
export function projectPca(x: ArrayLike<number>, n: number, p: PcaProjection): Float32Array {
  const out = new Float32Array(n * p.k);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < p.k; c++) {
      let s = 0;
      for (let j = 0; j < p.d; j++) s += ((x[i * p.d + j] as number) - p.mean[j]!) * p.components[c * p.d + j]!;
      out[i * p.k + c] = s;
    }
  }
  return out;
}
