// Sub-center ArcFace (Deng et al. 2020, insightface SubCenter-ArcFace): K sub-centres per class,
// the class cosine is the best of its K, ArcFace's margin on the target. A noisy sample need not
// drag its class's main centre: it can sit by a sub-centre of its own.
import type * as TF from '@tensorflow/tfjs-core';
import type { ParamDef } from '../schema/paramDef';
import type { LossDefinition } from './definition';
import { arcfaceGlsl, arcfacePhi, arcfaceTarget, phiT, type ArcFallback } from './arcface';
import { cosineTex, texNumber } from './tex';

export interface SubCenterSpec {
  kind: 'subcenter';
  /** Sub-centres per class: W is D×(C·K), column c·K + k is sub-centre k of class c. */
  K: number;
  s: number;
  m: number;
  /** θ_y + m > π: none by default (the issue's contract); the insightface code's convention when a case asks for it. */
  fallback?: ArcFallback;
}

/** The most sub-centres a class may have (the trainer keeps this many). */
export const MAX_SUBCENTERS = 4;

const params = [
  {
    key: 'K',
    label: 'Sub-centres per class K',
    type: 'number',
    scope: 'live',
    default: 3,
    min: 1,
    max: MAX_SUBCENTERS,
    step: 1,
    integer: true,
  },
] as const satisfies readonly ParamDef[];

/** K as a whole number in 1…MAX_SUBCENTERS. */
export const fitK = (K: number): number => Math.min(MAX_SUBCENTERS, Math.max(1, Math.round(Number.isFinite(K) ? K : 1)));

/** For each sample, the nearest (by cosine) of its own class's K sub-centres. `x` N×D features, `W` D×(C·K), labels in 0…C−1. */
export function nearestSubcenters(
  x: Float32Array,
  labels: ArrayLike<number>,
  W: Float32Array,
  D: number,
  C: number,
  K: number,
): Int32Array {
  const cols = C * K;
  const norms = Array.from({ length: cols }, (_, j) => {
    let s = 0;
    for (let d = 0; d < D; d++) s += (W[d * cols + j] ?? 0) ** 2;
    return Math.sqrt(s) || 1;
  });
  return Int32Array.from({ length: labels.length }, (_, i) => {
    const c = labels[i] as number;
    let best = 0;
    let bestCos = -Infinity;
    for (let k = 0; k < K; k++) {
      const j = c * K + k;
      let dot = 0;
      for (let d = 0; d < D; d++) dot += (x[i * D + d] ?? 0) * (W[d * cols + j] ?? 0);
      if (dot / norms[j]! > bestCos) {
        bestCos = dot / norms[j]!;
        best = k;
      }
    }
    return best;
  });
}

/**
 * For each class, the sub-centre most of its training samples are nearest (the dominant one: the
 * paper keeps it and drops the rest). `x` N×D features, `W` D×(C·K), labels in 0…C−1.
 */
export function dominantSubcenters(
  x: Float32Array,
  labels: ArrayLike<number>,
  W: Float32Array,
  D: number,
  C: number,
  K: number,
): Int32Array {
  const counts = new Int32Array(C * K);
  nearestSubcenters(x, labels, W, D, C, K).forEach((k, i) => (counts[(labels[i] as number) * K + k]! += 1));
  return Int32Array.from({ length: C }, (_, c) => {
    let best = 0;
    for (let k = 1; k < K; k++) if (counts[c * K + k]! > counts[c * K + best]!) best = k;
    return best;
  });
}

export const subcenter: LossDefinition<SubCenterSpec, typeof params> = {
  kind: 'subcenter',
  meta: {
    label: 'Sub-center ArcFace',
    showcase: {
      preset: 'after-subcenter',
      lookFor:
        'With 30 % of labels swapped between confusable classes: the mislabelled samples gather at a second sub-centre (thin arrows), and each class’s dominant one stays clean.',
    },
    intuition:
      'K sub-centres per class, the class cosine the best of them: clean samples gather at one dominant sub-centre, noisy or odd ones at the others, so a mislabelled sample no longer drags its class’s centre.',
    uses: ['m', 's', 'warmup'],
    params,
    margin: { min: 0, max: 1.2, step: 0.01, default: 0.3, unit: 'rad' },
    titleKeys: ['K', 'm', 's'],
  },
  train: {
    rawLogits: false,
    weightColumns: (spec) => fitK(spec.K),
    spec: (p, at) => ({ kind: 'subcenter', K: fitK(p.K), s: p.s, m: p.m * at.ramp }),
    effectiveMargin: (spec) => spec.m,
    loss(kit, spec, b) {
      const { tf, ops } = kit;
      const K = fitK(spec.K);
      const [N] = b.x.shape;
      const C = b.oneHot.shape[1];
      const all = ops.cosines(b.x, b.W); // N×(C·K)
      const cos = (K === 1 ? all : tf.max(tf.reshape(all, [N, C, K]), 2)) as TF.Tensor2D; // the best sub-centre of each class
      const target = phiT(kit, ops.pickTarget(cos, b.oneHot), { kind: 'arcface', s: spec.s, m: spec.m, fallback: spec.fallback ?? 'none' });
      return ops.marginCrossEntropy(tf.mul(cos, spec.s) as TF.Tensor2D, tf.mul(target, spec.s) as TF.Tensor1D, b.oneHot);
    },
  },
  view: {
    scale: (spec) => spec.s,
    targetLogit: (spec, theta) => spec.s * arcfacePhi(Math.cos(theta), spec.m, spec.fallback ?? 'none'),
    curve: { as: 'arcface' },
    tex: (p) =>
      `${cosineTex(p.s, `\\cos(\\theta_{y_i} + ${texNumber(p.m)})`)}, \\quad \\cos\\theta_j = \\max_{k = 1}^{${fitK(p.K)}} \\hat W_{j,k}^{\\top} \\hat x_i`,
    caption: (p) =>
      `Sub-center ArcFace: K = ${fitK(p.K)} sub-centres per class, m = ${texNumber(p.m)} rad. The thick arrow is each class's dominant sub-centre (the one most of its samples are nearest); the regions are drawn from those.`,
    shader: {
      // The regions are drawn from the dominant sub-centres, with ArcFace's rule (no fallback).
      source: () => 'return cc * cos(uLoss.x) - sqrt(1.0 - cc * cc) * sin(uLoss.x);',
      uniforms: (spec) => [spec.m],
    },
    // The landscape's target is the head's: ArcFace's with the spec's fallback.
    landscape: {
      target: { source: (spec) => arcfaceGlsl(spec.fallback ?? 'none'), uniforms: (spec) => [spec.m] },
    },
  },
  rails: {},
  // The fused head: ArcFace's target on the best sub-centre of each class (the gradient goes to that one).
  fused: (spec) => ({
    kind: 'cosine',
    s: spec.s,
    target: arcfaceTarget({ kind: 'arcface', s: spec.s, m: spec.m, fallback: spec.fallback ?? 'none' }),
    K: fitK(spec.K),
  }),
};
