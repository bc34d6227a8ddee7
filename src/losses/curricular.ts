// CurricularFace (Huang et al. 2020, HuangYG123/CurricularFace head/metrics.py): ArcFace's target,
// and hard negatives (c_j > cos(θ_y + m)) re-weighted by an adaptive t that follows the mean
// target cosine, so that hard examples count little early in training and more as t grows.
import type * as TF from '@tensorflow/tfjs-core';
import type { LossDefinition } from './definition';
import { arcfacePhi, arcfaceTarget } from './arcface';
import { clampCos, sinAndSlope } from './cosine';
import { crossEntropyTex, texNumber } from './tex';

export interface CurricularSpec {
  kind: 'curricular';
  s: number;
  m: number;
  /** The curriculum parameter after this batch's update (docs/losses.md). */
  t: number;
}

/** t ← 0.01·mean(cos θ_y) + 0.99·t: the code's update, made before the batch's loss, without gradient. */
export function curricularT(t: number, targetCos: ArrayLike<number>): number {
  if (targetCos.length === 0) return t;
  let sum = 0;
  for (let i = 0; i < targetCos.length; i++) sum += clampCos(targetCos[i] as number);
  return 0.01 * (sum / targetCos.length) + 0.99 * t;
}

/** A negative's cosine after the curriculum: c·(t + c) when it is hard (c > cos(θ_y + m)), else c. */
export function curricularNegative(c: number, targetPhi: number, t: number): number {
  return c > targetPhi ? c * (t + c) : c;
}

export const curricular: LossDefinition<CurricularSpec, readonly []> = {
  kind: 'curricular',
  meta: {
    label: 'CurricularFace',
    intuition:
      'ArcFace’s margin on the target, and a curriculum on the negatives: a negative closer than the margined target is a hard one, and it weighs more as t, the mean target cosine, grows over training.',
    uses: ['m', 's', 'warmup'],
    params: [],
    margin: { min: 0, max: 1.2, step: 0.01, default: 0.3, unit: 'rad' },
    titleKeys: ['m', 's'],
  },
  train: {
    rawLogits: false,
    spec: (p, at) => ({ kind: 'curricular', s: p.s, m: p.m * at.ramp, t: 0 }),
    running: {
      names: ['t'],
      initial: () => [0],
      update: ([t], batch) => [curricularT(t ?? 0, batch.targetCos)],
      withState: (spec, [t]) => ({ ...spec, t: t ?? 0 }),
    },
    effectiveMargin: (spec) => spec.m,
    loss({ tf, ops }, spec, b) {
      const { m, t } = spec;
      const cos = tf.clipByValue(ops.cosines(b.x, b.W), -1, 1) as TF.Tensor2D;
      const cy = ops.pickTarget(cos, b.oneHot);
      const phi = tf.sub(tf.mul(cy, Math.cos(m)), tf.mul(ops.sinFromCos(cy), Math.sin(m))) as TF.Tensor1D; // cos(θ_y + m)
      // The hard negatives: c_j > cos(θ_y + m), before the fallback; the mask carries no gradient.
      const hard = ops.detach(tf.step(tf.sub(cos, tf.expandDims(phi, 1)))) as TF.Tensor2D;
      const curved = tf.add(cos, tf.mul(hard, tf.sub(tf.mul(cos, tf.add(cos, t)), cos))) as TF.Tensor2D;
      const target = ops.select(tf.sub(cy, Math.cos(Math.PI - m)), phi, tf.sub(cy, m * Math.sin(m)));
      return ops.marginCrossEntropy(tf.mul(curved, spec.s) as TF.Tensor2D, tf.mul(target, spec.s) as TF.Tensor1D, b.oneHot);
    },
  },
  view: {
    hardNegativeMargin: (spec) => spec.m,
    scale: (spec) => spec.s,
    targetLogit: (spec, theta) => spec.s * arcfacePhi(Math.cos(theta), spec.m, 'insightface'),
    curve: { paper: { m: 0.5 }, label: 'CurricularFace (target as ArcFace)' },
    tex: (p) => {
      const sc = texNumber(p.s, 1);
      return `${crossEntropyTex(`${sc}\\cos(\\theta_{y_i} + ${texNumber(p.m)})`, `${sc}\\, N(t, \\cos\\theta_j)`)}, \\quad N(t, c) = \\begin{cases} c\\,(t + c) & c > \\cos(\\theta_{y_i} + ${texNumber(p.m)}) \\\\ c & \\text{otherwise} \\end{cases}`;
    },
    caption: (p) =>
      `CurricularFace: ArcFace's target with m = ${texNumber(p.m)} rad; a hard negative's cosine c becomes c·(t + c), where t ← 0.01·mean cos θ_y + 0.99·t rises from 0 as training goes on.`,
    shader: {
      source: () =>
        'float phi = cc * cos(uLoss.x) - sqrt(1.0 - cc * cc) * sin(uLoss.x);\n    return cc > cos(PI - uLoss.x) ? phi : cc - uLoss.x * sin(uLoss.x);',
      uniforms: (spec) => [spec.m],
    },
    // A hard negative (c > cos(θ_y + m), before the fallback) counts as c·(t + c): uLNeg = (m, t).
    landscape: {
      negative: {
        source: () =>
          'float phi = cy * cos(uLNeg.x) - sqrt(max(1.0 - cy * cy, 0.0)) * sin(uLNeg.x);\n    return c > phi ? c * (uLNeg.y + c) : c;',
        uniforms: (spec) => [spec.m, spec.t],
      },
    },
  },
  rails: {},
  // The fused head: ArcFace's target (insightface's fallback), and each hard negative's c·(t + c),
  // slope t + 2c, against cos(θ_y + m) before the fallback.
  fused: (spec) => {
    const cosM = Math.cos(spec.m);
    const sinM = Math.sin(spec.m);
    return {
      kind: 'cosine',
      s: spec.s,
      target: arcfaceTarget({ kind: 'arcface', s: spec.s, m: spec.m, fallback: 'insightface' }),
      negative: (c, cy) => (c > cy * cosM - sinAndSlope(cy)[0] * sinM ? [c * (spec.t + c), spec.t + 2 * c] : [c, 1]),
    };
  },
};
