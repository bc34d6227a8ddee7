// Plain-number versions of the losses' logits, for curves, panels and the view (no tensors).
import type { ArcFallback, LossSpec } from './types';

/** Cosines are clamped to ±COS_CLAMP before acos or √(1−c²): float32 rounding can pass ±1. */
export const COS_CLAMP = 1 - 1e-5;

/** Clamp a cosine into [−COS_CLAMP, COS_CLAMP]. */
export function clampCos(c: number): number {
  return Math.min(COS_CLAMP, Math.max(-COS_CLAMP, c));
}

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

/** The λ annealing schedule of SphereFace's Caffe code, λ(it) = max(λ_min, base·(1+γ·it)^(−power)). */
export interface LambdaSchedule {
  base: number;
  gamma: number;
  power: number;
  lambdaMin: number;
}

/** Caffe defaults: base 1000, γ 0.12, power 1, λ_min 5 (λ(1) ≈ 893, λ_min reached at it ≈ 1659). */
export const CAFFE_LAMBDA: LambdaSchedule = { base: 1000, gamma: 0.12, power: 1, lambdaMin: 5 };

/** λ at iteration `it` (≥ 0) of the annealing schedule. */
export function annealedLambda(it: number, schedule: LambdaSchedule = CAFFE_LAMBDA): number {
  const { base, gamma, power, lambdaMin } = schedule;
  return Math.max(lambdaMin, base * Math.pow(1 + gamma * Math.max(0, it), -power));
}

/** ArcFace's margin-adjusted cosine φ(c) for the three fallback conventions; c = cos θ_y. */
export function arcfacePhi(c: number, m: number, fallback: ArcFallback = 'insightface'): number {
  const cc = clampCos(c);
  const phi = cc * Math.cos(m) - Math.sqrt(1 - cc * cc) * Math.sin(m);
  switch (fallback) {
    case 'insightface':
      return cc > Math.cos(Math.PI - m) ? phi : cc - m * Math.sin(m);
    case 'easy':
      return cc > 0 ? phi : cc;
    case 'none':
      return phi;
  }
}

/** Scale applied to cosines for a spec: s for the cosine losses, `featureNorm` for softmax/center/SphereFace. */
export function logitScale(spec: LossSpec, featureNorm = 1): number {
  switch (spec.kind) {
    case 'softmax':
    case 'center':
      return featureNorm;
    case 'sphereface':
      return spec.s ?? featureNorm;
    case 'normface':
    case 'cosface':
    case 'arcface':
    case 'combined':
      return spec.s;
  }
}

/**
 * The target logit as a function of θ ∈ [0, π] (radians) for unit-norm weights, no bias.
 * `featureNorm` is ‖x‖ for the losses without a fixed scale (softmax, center, SphereFace without s).
 * The non-target logits are logitScale(spec)·cos θ_j.
 */
export function targetLogit(spec: LossSpec, theta: number, featureNorm = 1): number {
  const c = Math.cos(theta);
  const scale = logitScale(spec, featureNorm);
  switch (spec.kind) {
    case 'softmax':
    case 'center':
    case 'normface':
      return scale * c;
    case 'cosface':
      return scale * (c - spec.m);
    case 'arcface':
      return scale * arcfacePhi(c, spec.m, spec.fallback);
    case 'combined': {
      const th = Math.acos(clampCos(c));
      return scale * (Math.cos(spec.m1 * th + spec.m2) - spec.m3);
    }
    case 'sphereface':
      return (scale * (spec.lambda * c + spherePsi(theta, spec.m))) / (1 + spec.lambda);
  }
}

/**
 * CosFace Eq. 6: the lowest scale s for which a feature on its class weight can reach
 * probability P (0 < P < 1) among C ≥ 2 classes: s ≥ (C−1)/C · ln((C−1)·P/(1−P)).
 */
export function cosfaceMinScale(C: number, P: number): number {
  return ((C - 1) / C) * Math.log(((C - 1) * P) / (1 - P));
}

/**
 * Largest angle (degrees) achievable between the closest two of C unit vectors in 3-D: the
 * Tammes problem, known exactly or numerically for small C (Tammes 1930; Schütte & van der Waerden 1951).
 */
const TAMMES_3D_DEG: Readonly<Record<number, number>> = {
  2: 180,
  3: 120,
  4: 109.4712206,
  5: 90,
  6: 90,
  7: 77.8695421,
  8: 74.8584922,
  9: 70.5287794,
  10: 66.1468220,
  11: 63.4349488,
  12: 63.4349488,
};

/**
 * The best possible minimum angle (radians) between C class weights in D dimensions:
 * 2π/C on the circle, the simplex angle acos(−1/(C−1)) when C ≤ D+1, the Tammes angle in 3-D.
 * Undefined where no value is known (D > 3 with C > D+1, or C > 12 in 3-D).
 */
export function idealMinAngle(C: number, D: number): number | undefined {
  if (C < 2) return undefined;
  if (C <= D + 1) return Math.acos(-1 / (C - 1));
  if (D === 2) return (2 * Math.PI) / C;
  if (D === 3) {
    const deg = TAMMES_3D_DEG[C];
    return deg === undefined ? undefined : (deg * Math.PI) / 180;
  }
  return undefined;
}

/**
 * CosFace Eq. 7: the largest additive cosine margin m that C classes in D dimensions can all
 * satisfy, 1 − cos(best minimum angle): 1 − cos(2π/C) in 2-D, C/(C−1) when C ≤ D+1.
 */
export function cosfaceMaxMargin(C: number, D: number): number | undefined {
  const angle = idealMinAngle(C, D);
  return angle === undefined ? undefined : 1 - Math.cos(angle);
}
