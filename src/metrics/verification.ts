// Open-set verification metrics (pure numbers): pair scores by cosine, their ROC, TAR at a FAR,
// EER, AUC, and rank-1 identification. For the held-out identities of the open-set lesson.

/** Pair scores binned by cosine: counts of same- and different-identity pairs per bin over [−1, 1]. */
export interface PairHistogram {
  /** Counts per bin, bin b covering [−1 + b·w, −1 + (b+1)·w), w = 2/bins (the last bin holds 1). */
  same: Float32Array;
  diff: Float32Array;
  nSame: number;
  nDiff: number;
}

/** Bins of the default histogram: a bin is 0.001 in cosine (≤ 0.06° near 90°, coarser toward 0° and 180°). */
export const DEFAULT_BINS = 2000;

/** Unit rows of an n×D matrix (a zero row stays zero). */
function unitRows(x: ArrayLike<number>, n: number, D: number): Float64Array {
  const out = new Float64Array(n * D);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let d = 0; d < D; d++) s += (x[i * D + d] as number) ** 2;
    const k = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let d = 0; d < D; d++) out[i * D + d] = (x[i * D + d] as number) * k;
  }
  return out;
}

/**
 * Every pair i < j of the n features (n×D, row-major) scored by cosine and binned by whether their
 * labels agree. Binning is the only approximation: AUC and EER treat pairs within one bin
 * (0.001 in cosine by default) as ties. The rows are grouped by label first, so a row's
 * same-identity partners are one contiguous run and the inner loops need no branch; 2-D and 3-D
 * features run on three coordinate arrays (720k pairs, 4 held-out identities × 300: 3–4 ms in
 * Node on the 2-core machine). Other dimensions take the general loop.
 */
export function pairHistogram(x: ArrayLike<number>, labels: ArrayLike<number>, n: number, D: number, bins = DEFAULT_BINS): PairHistogram {
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (labels[a] as number) - (labels[b] as number) || a - b);
  const src = unitRows(x, n, D);
  const y = Int32Array.from(order, (i) => labels[i] as number);
  // Counts with one spare bin each side of the range: a cosine of 1 + ε lands in bin `bins`.
  const same = new Int32Array(bins + 1);
  const diff = new Int32Array(bins + 1);
  const half = bins / 2;
  if (D <= 3) {
    // Coordinates prescaled by half: (a·b + 1)·half = (a·half)·b + half, one multiply fewer per pair.
    const cx = new Float64Array(n),
      cy = new Float64Array(n),
      cz = new Float64Array(n);
    order.forEach((i, r) => {
      cx[r] = src[i * D]!;
      cy[r] = D > 1 ? src[i * D + 1]! : 0;
      cz[r] = D > 2 ? src[i * D + 2]! : 0;
    });
    for (let r = 0; r < n;) {
      let e = r;
      while (e < n && y[e] === y[r]) e++;
      for (let i = r; i < e; i++) {
        const a0 = cx[i]! * half,
          a1 = cy[i]! * half,
          a2 = cz[i]! * half;
        for (let j = i + 1; j < e; j++) same[(a0 * cx[j]! + a1 * cy[j]! + a2 * cz[j]! + half) | 0]!++;
        for (let j = e; j < n; j++) diff[(a0 * cx[j]! + a1 * cy[j]! + a2 * cz[j]! + half) | 0]!++;
      }
      r = e;
    }
  } else {
    for (let ri = 0; ri < n; ri++) {
      const o = order[ri]! * D;
      for (let rj = ri + 1; rj < n; rj++) {
        const q = order[rj]! * D;
        let c = 0;
        for (let d = 0; d < D; d++) c += src[o + d]! * src[q + d]!;
        const b = Math.min(bins, Math.max(0, ((c + 1) * half) | 0));
        if (y[rj] === y[ri]) same[b]!++;
        else diff[b]!++;
      }
    }
  }
  const fold = (a: Int32Array) => {
    // Float32 holds every count exactly (a bin never reaches 2^24 pairs here) at half the bytes to send.
    const out = Float32Array.from(a.subarray(0, bins));
    out[bins - 1]! += a[bins]!;
    return out;
  };
  const s = fold(same);
  const d = fold(diff);
  const total = (a: Float32Array) => a.reduce((t, v) => t + v, 0);
  return { same: s, diff: d, nSame: total(s), nDiff: total(d) };
}

/** One operating point: accept pairs with cosine ≥ threshold. */
export interface RocPoint {
  threshold: number;
  far: number;
  tar: number;
}

/**
 * The ROC from the strictest threshold (accept nothing) to the loosest (accept everything), one
 * point per bin edge: FAR is the share of different-identity pairs accepted, TAR of same-identity.
 */
export function roc(h: PairHistogram): RocPoint[] {
  const bins = h.same.length;
  const points: RocPoint[] = [{ threshold: Infinity, far: 0, tar: 0 }];
  let s = 0;
  let d = 0;
  for (let b = bins - 1; b >= 0; b--) {
    s += h.same[b]!;
    d += h.diff[b]!;
    points.push({ threshold: -1 + (2 * b) / bins, far: h.nDiff ? d / h.nDiff : 0, tar: h.nSame ? s / h.nSame : 0 });
  }
  return points;
}

/** The highest TAR whose FAR does not exceed `far` (0 when even the strictest bin passes it). */
export function tarAtFar(points: readonly RocPoint[], far: number): number {
  let best = 0;
  for (const p of points) if (p.far <= far + 1e-12) best = Math.max(best, p.tar);
  return best;
}

/** Area under the ROC (trapezoids between its points): 1 separates perfectly, 0.5 is chance; pairs in one bin count as ties. */
export function auc(points: readonly RocPoint[]): number {
  let a = 0;
  for (let k = 1; k < points.length; k++) a += ((points[k]!.far - points[k - 1]!.far) * (points[k]!.tar + points[k - 1]!.tar)) / 2;
  return a;
}

/** The equal error rate: where FAR = 1 − TAR (false rejections), linearly interpolated between ROC points. */
export function eer(points: readonly RocPoint[]): number {
  for (let k = 1; k < points.length; k++) {
    const p = points[k - 1]!;
    const q = points[k]!;
    const gp = p.far - (1 - p.tar);
    const gq = q.far - (1 - q.tar);
    if (gp <= 0 && gq >= 0) {
      const t = gq === gp ? 0 : -gp / (gq - gp);
      return p.far + t * (q.far - p.far);
    }
  }
  return 0.5;
}

/**
 * Rank-1 identification: the first sample of each identity is enrolled, every other sample is
 * identified as the enrolled identity of highest cosine; the share identified correctly.
 */
export function rank1(x: ArrayLike<number>, labels: ArrayLike<number>, n: number, D: number): number {
  const u = unitRows(x, n, D);
  const enrolled = new Map<number, number>();
  for (let i = 0; i < n; i++) if (!enrolled.has(labels[i] as number)) enrolled.set(labels[i] as number, i);
  const gallery = [...enrolled.entries()];
  const probes = [...Array(n).keys()].filter((i) => enrolled.get(labels[i] as number) !== i);
  if (probes.length === 0 || gallery.length < 2) return NaN;
  let hits = 0;
  for (const i of probes) {
    let best = -Infinity;
    let who = -1;
    for (const [id, g] of gallery) {
      let c = 0;
      for (let d = 0; d < D; d++) c += (u[i * D + d] as number) * (u[g * D + d] as number);
      if (c > best) {
        best = c;
        who = id;
      }
    }
    if (who === labels[i]) hits++;
  }
  return hits / probes.length;
}

/** The share of same- and different-identity pairs accepted at cosine ≥ `cos` (bin edges; the bin holding `cos` counts as accepted). */
export function acceptedAt(h: PairHistogram, cos: number): { tar: number; far: number } {
  const bins = h.same.length;
  const from = Math.min(bins - 1, Math.max(0, Math.floor(((cos + 1) * bins) / 2)));
  let s = 0;
  let d = 0;
  for (let b = from; b < bins; b++) {
    s += h.same[b]!;
    d += h.diff[b]!;
  }
  return { tar: h.nSame ? s / h.nSame : 0, far: h.nDiff ? d / h.nDiff : 0 };
}
