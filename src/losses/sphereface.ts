// SphereFace / A-Softmax (Liu et al. 2017): a multiplicative angular margin, target ‖x‖·ψ(θ_y),
// blended with cos θ_y by the annealed λ.
import type * as TF from '@tensorflow/tfjs-core';
import type { ParamDef } from '../schema/paramDef';
import type { LossDefinition, MarginRange, TensorKit } from './definition';
import type { TargetFunction } from './headSpec';
import { clampCos } from './cosine';
import { fitMargin } from './margin';
import { texNumber, crossEntropyTex } from './tex';

export interface SphereFaceSpec {
  kind: 'sphereface';
  m: number;
  lambda: number;
  /** A fixed scale on x̂; absent, the feature norm is the scale. */
  s?: number;
}

const params = [] as const satisfies readonly ParamDef[];

const MARGIN: MarginRange = { min: 1, max: 4, step: 1, default: 4, integer: true };

/** SphereFace's branch index k = ⌊mθ/π⌋, kept in [0, ⌈m⌉−1]; θ in radians [0, π]. */
export function sphereK(theta: number, m: number): number {
  const k = Math.floor((m * theta) / Math.PI);
  return Math.min(Math.max(k, 0), Math.max(Math.ceil(m) - 1, 0));
}

/** SphereFace's ψ(θ) = (−1)^k·cos(mθ) − 2k: continuous, decreasing, ψ(0) = 1, ψ(π) = 1 − 2m. */
export function spherePsi(theta: number, m: number): number {
  const k = sphereK(theta, m);
  return (k % 2 === 0 ? 1 : -1) * Math.cos(m * theta) - 2 * k;
}

/** cos(mθ) as the Chebyshev polynomial T_m(c) for integer m (no acos), else cos(m·acos c). */
function cosMultipleAngle({ tf, ops }: TensorKit, c: TF.Tensor1D, m: number): TF.Tensor1D {
  if (!Number.isInteger(m) || m < 0) return tf.cos(tf.mul(ops.angleFromCos(c), m)) as TF.Tensor1D;
  let prev: TF.Tensor1D = tf.onesLike(c);
  let cur: TF.Tensor1D = c;
  if (m === 0) return prev;
  for (let k = 1; k < m; k++) {
    const next: TF.Tensor1D = tf.sub(tf.mul(tf.mul(c, 2), cur), prev);
    prev = cur;
    cur = next;
  }
  return cur;
}

/** ψ on the target cosines (tfjs); k carries no gradient (floor's is zero in tfjs). */
export function psiT(kit: TensorKit, c: TF.Tensor1D, m: number): TF.Tensor1D {
  const { tf, ops } = kit;
  const kMax = Math.max(Math.ceil(m) - 1, 0);
  const k = tf.clipByValue(tf.floor(tf.div(tf.mul(ops.angleFromCos(c), m), Math.PI)), 0, kMax);
  const sign = tf.sub(1, tf.mul(2, tf.mod(k, 2)));
  return tf.sub(tf.mul(sign, cosMultipleAngle(kit, c, m)), tf.mul(2, k));
}

/**
 * The blended target (λc + ψ(c))/(1 + λ) and its slope on one target cosine, as `loss` computes
 * them: ψ = (−1)^k·T_m(c) − 2k with the Chebyshev T_m (no clamp) and k from the clamped angle
 * (no gradient). Integer m only, as the trainer's spec always has; undefined otherwise.
 */
export function spherefaceTarget(spec: SphereFaceSpec): TargetFunction | undefined {
  const { m, lambda } = spec;
  if (!Number.isInteger(m) || m < 0) return undefined;
  return (c) => {
    let [tPrev, t, dPrev, d] = [1, c, 0, 1];
    if (m === 0) [t, d] = [1, 0];
    for (let n = 1; n < m; n++) {
      [tPrev, t, dPrev, d] = [t, 2 * c * t - tPrev, d, 2 * t + 2 * c * d - dPrev];
    }
    const k = sphereK(Math.acos(clampCos(c)), m);
    const sign = k % 2 === 0 ? 1 : -1;
    return [(lambda * c + sign * t - 2 * k) / (1 + lambda), (lambda + sign * d) / (1 + lambda)];
  };
}

/** The target (λ cos θ + ψ(θ))/(1 + λ) as GLSL, on the clamped cosine cc with m, λ in uLoss.x, uLoss.y (L-Softmax's too). */
export const SPHEREFACE_GLSL = `float th = acos(cc);
      float k = clamp(floor(uLoss.x * th / PI), 0.0, uLoss.x - 1.0);
      float psi = (mod(k, 2.0) < 0.5 ? 1.0 : -1.0) * cos(uLoss.x * th) - 2.0 * k;
      return (uLoss.y * cc + psi) / (1.0 + uLoss.y);`;

export const sphereface: LossDefinition<SphereFaceSpec, typeof params> = {
  kind: 'sphereface',
  meta: {
    label: 'SphereFace',
    intuition:
      'A multiplicative angular margin: the target angle counts m times, so a class must be m times closer in angle than any other; λ eases it in.',
    uses: ['m', 'anneal', 'lambdaMin'],
    params,
    margin: MARGIN,
    titleKeys: ['m'],
  },
  train: {
    rawLogits: false,
    // Its integer m is not warmed up: the λ schedule is its warm-up.
    spec: (p, at) => ({ kind: 'sphereface', m: fitMargin(MARGIN, p.m), lambda: at.lambda }),
    effectiveMargin: (spec) => spec.m,
    /** A-Softmax: W normalised, x not; target ‖x‖(λc + ψ)/(1+λ), others ‖x‖c (or s on x̂ when s is set). */
    loss(kit, spec, b) {
      const { tf, ops } = kit;
      const { x, W, oneHot } = b;
      const norm: TF.Tensor2D =
        spec.s === undefined
          ? (tf.sqrt(tf.add(tf.sum(tf.square(x), 1, true), 1e-12)) as TF.Tensor2D)
          : (tf.fill([x.shape[0], 1], spec.s) as TF.Tensor2D);
      const cos = ops.cosines(x, W);
      const c = ops.pickTarget(cos, oneHot);
      const blended: TF.Tensor1D = tf.div(tf.add(tf.mul(c, spec.lambda), psiT(kit, c, spec.m)), 1 + spec.lambda);
      return ops.marginCrossEntropy(tf.mul(cos, norm), tf.mul(blended, tf.squeeze(norm, [1])), oneHot);
    },
  },
  view: {
    scale: (spec, featureNorm) => spec.s ?? featureNorm,
    targetLogit: (spec, theta, featureNorm) =>
      ((spec.s ?? featureNorm) * (spec.lambda * Math.cos(theta) + spherePsi(theta, spec.m))) / (1 + spec.lambda),
    curve: { paper: { m: 4 } },
    tex(p, lambda) {
      const m = fitMargin(MARGIN, p.m);
      const lam = lambda !== undefined && Number.isFinite(lambda) ? texNumber(lambda, 1) : '\\lambda';
      return `${crossEntropyTex(`\\lVert x_i \\rVert \\frac{${lam}\\cos\\theta_{y_i} + \\psi(\\theta_{y_i})}{1 + ${lam}}`, '\\lVert x_i \\rVert \\cos\\theta_j')}, \\quad \\psi(\\theta) = (-1)^k \\cos(${m}\\theta) - 2k,\\; k = \\lfloor ${m}\\theta/\\pi \\rfloor \\in [0, ${m - 1}]`;
    },
    caption: (p) => `SphereFace: integer m = ${fitMargin(MARGIN, p.m)}, W normalised, the feature norm ‖x‖ is the scale.`,
    shader: {
      source: () => SPHEREFACE_GLSL,
      uniforms: (spec) => [spec.m, spec.lambda],
    },
  },
  rails: {},
  fused: (spec) => {
    const target = spherefaceTarget(spec);
    return target ? { kind: 'cosine', s: spec.s ?? 'norm', target } : { kind: 'none', why: `m = ${spec.m} is not a whole number ≥ 0` };
  },
};
