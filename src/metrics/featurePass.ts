// One pass over labelled features for a snapshot's metrics: each feature's predicted class, its
// angle to its own class weight and to the nearest other one. Pure numbers.
import type { Classifier, Labeled } from './metrics';

export interface FeaturePass {
  pred: Int32Array;
  /** θ to the own class weight, and to the nearest other class weight (Infinity with one class), radians. */
  own: Float64Array;
  nearest: Float64Array;
}

/**
 * What metrics.ts's predict, angleBetween to the own weight and the min over the others compute,
 * in one pass: C dot products a feature, and two acos (the nearest other weight is the largest
 * cosine, acos being decreasing) instead of one per class. A zero-length feature or weight is
 * at π/2, as angleBetween has it.
 */
export function featurePass(f: Labeled, clf: Classifier): FeaturePass {
  const { n, dim: D, x, y } = f;
  const C = clf.numClasses;
  const W = clf.W;
  const wSq = new Float64Array(C);
  for (let j = 0; j < C; j++) for (let d = 0; d < D; d++) wSq[j]! += (W[d * C + j] as number) ** 2;
  const dots = new Float64Array(C);
  const pred = new Int32Array(n);
  const own = new Float64Array(n);
  const nearest = new Float64Array(n);
  const cosOf = (j: number, xSq: number) =>
    xSq === 0 || wSq[j] === 0 ? 0 : Math.max(-1, Math.min(1, dots[j]! / Math.sqrt(xSq * wSq[j]!)));
  for (let i = 0; i < n; i++) {
    let xSq = 0;
    for (let d = 0; d < D; d++) xSq += (x[i * D + d] as number) ** 2;
    for (let j = 0; j < C; j++) {
      let dot = 0;
      for (let d = 0; d < D; d++) dot += (x[i * D + d] as number) * (W[d * C + j] as number);
      dots[j] = dot;
    }
    const yi = y[i] ?? 0;
    let best = -Infinity;
    let arg = 0;
    let other = -Infinity;
    for (let j = 0; j < C; j++) {
      const c = cosOf(j, xSq);
      const z = clf.mode === 'cosine' ? c : dots[j]! + (clf.bias?.[j] ?? 0);
      if (z > best) {
        best = z;
        arg = j;
      }
      if (j !== yi && c > other) other = c;
    }
    pred[i] = arg;
    own[i] = Math.acos(cosOf(yi, xSq));
    nearest[i] = other === -Infinity ? Infinity : Math.acos(other);
  }
  return { pred, own, nearest };
}
