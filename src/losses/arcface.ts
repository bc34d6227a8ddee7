// ArcFace (Deng et al. 2019): an additive angular margin, target s·cos(θ_y + m).
import type * as TF from '@tensorflow/tfjs-core';
import type { ParamDef } from '../schema/paramDef';
import type { LossDefinition, TensorKit } from './definition';
import type { TargetFunction } from './headSpec';
import { clampCos, sinAndSlope } from './cosine';
import { cosineTex, texNumber } from './tex';

/** ArcFace's handling of θ_y + m > π (see docs/losses.md). */
export type ArcFallback = 'insightface' | 'easy' | 'none';

export interface ArcFaceSpec {
  kind: 'arcface';
  s: number;
  m: number;
  fallback?: ArcFallback; // default 'insightface'
  gradient?: 'exact' | 'detached'; // default 'exact'
}

const params = [
  { key: 'arcFallback', label: 'θ + m > π', type: 'enum', scope: 'live', default: 'insightface', choices: ['insightface', 'easy', 'none'] },
] as const satisfies readonly ParamDef[];

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

/** φ on the target cosines (tfjs), per fallback convention and gradient mode. */
export function phiT({ tf, ops }: TensorKit, c: TF.Tensor1D, spec: ArcFaceSpec): TF.Tensor1D {
  const { m } = spec;
  const phi: TF.Tensor1D = tf.sub(tf.mul(c, Math.cos(m)), tf.mul(ops.sinFromCos(c), Math.sin(m)));
  let out: TF.Tensor1D;
  switch (spec.fallback ?? 'insightface') {
    case 'insightface':
      out = ops.select(tf.sub(c, Math.cos(Math.PI - m)), phi, tf.sub(c, m * Math.sin(m)));
      break;
    case 'easy':
      out = ops.select(c, phi, c);
      break;
    case 'none':
      out = phi;
      break;
  }
  return spec.gradient === 'detached' ? ops.straightThrough(c, out) : out;
}

/** φ and its slope on one target cosine, exactly as phiT computes them (the fused head's target). */
export function arcfaceTarget(spec: ArcFaceSpec): TargetFunction {
  const { m } = spec;
  const cosM = Math.cos(m);
  const sinM = Math.sin(m);
  const threshold = Math.cos(Math.PI - m);
  const detached = spec.gradient === 'detached';
  return (c) => {
    const [sin, dSin] = sinAndSlope(c);
    const phi = c * cosM - sin * sinM;
    const slope = detached ? 1 : cosM - dSin * sinM;
    switch (spec.fallback ?? 'insightface') {
      case 'insightface':
        return c - threshold > 0 ? [phi, slope] : [c - m * sinM, 1];
      case 'easy':
        return c > 0 ? [phi, slope] : [c, 1];
      case 'none':
        return [phi, slope];
    }
  };
}

/** The GLSL of φ per fallback, on the clamped cosine cc with m in uLoss.x. */
const FALLBACK_GLSL: Record<ArcFallback, string> = {
  insightface: 'return cc > cos(PI - uLoss.x) ? phi : cc - uLoss.x * sin(uLoss.x);',
  easy: 'return cc > 0.0 ? phi : cc;',
  none: 'return phi;',
};

/** cos(θ + m) with a fallback, as GLSL on the clamped cosine cc with m in uLoss.x. */
export function arcfaceGlsl(fallback: ArcFallback): string {
  return `float phi = cc * cos(uLoss.x) - sqrt(1.0 - cc * cc) * sin(uLoss.x); // cos(θ + m), θ ∈ [0, π]\n    ${FALLBACK_GLSL[fallback]}`;
}

export const arcface: LossDefinition<ArcFaceSpec, typeof params> = {
  kind: 'arcface',
  meta: {
    label: 'ArcFace',
    intuition: 'An additive angular margin: the target angle must be smaller by m radians, a constant geodesic gap on the sphere.',
    uses: ['m', 's', 'warmup'],
    params,
    margin: { min: 0, max: 1.2, step: 0.01, default: 0.3, unit: 'rad' },
    titleKeys: ['m', 's'],
  },
  train: {
    rawLogits: false,
    spec: (p, at) => ({ kind: 'arcface', s: p.s, m: p.m * at.ramp, fallback: p.arcFallback }),
    effectiveMargin: (spec) => spec.m,
    loss: (kit, spec, b) => kit.ops.cosineMarginLoss(b.x, b.W, b.oneHot, spec.s, (c) => phiT(kit, c, spec)),
  },
  view: {
    scale: (spec) => spec.s,
    targetLogit: (spec, theta) => spec.s * arcfacePhi(Math.cos(theta), spec.m, spec.fallback),
    curve: { paper: { m: 0.5, arcFallback: 'insightface' } },
    tex: (p) => cosineTex(p.s, `\\cos(\\theta_{y_i} + ${texNumber(p.m)})`),
    caption: (p) => `ArcFace: m = ${texNumber(p.m)} rad = ${texNumber((p.m * 180) / Math.PI, 1)}°, an angle (not "m ≥ 1").`,
    shader: {
      source: (spec) => arcfaceGlsl(spec.fallback ?? 'insightface'),
      uniforms: (spec) => [spec.m],
    },
  },
  rails: {},
  fused: (spec) => ({ kind: 'cosine', s: spec.s, target: arcfaceTarget(spec) }),
};
