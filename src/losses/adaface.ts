// AdaFace (Kim et al. 2022, mk-minchul/AdaFace head.py): the feature norm, standardised against
// running batch statistics, says how good a sample is; the margin moves between ArcFace's angular
// form for a low-quality sample (ẑ = −1) and CosFace's additive form for an average one (ẑ = 0).
import type * as TF from '@tensorflow/tfjs-core';
import type { ParamDef } from '../schema/paramDef';
import type { LossDefinition } from './definition';
import { crossEntropyTex, namedTargetLines, texNumber } from './tex';

export interface AdaFaceSpec {
  kind: 'adaface';
  s: number;
  m: number;
  /** How far from the batch mean (in sds) a norm counts as fully good or bad: ẑ = clip(h·z, −1, 1). */
  h: number;
  /** The batch statistics of the clipped norms after this batch's update. */
  batchMean: number;
  batchStd: number;
  /** EMA rate α of the statistics (the update uses it; the loss does not). */
  alpha: number;
}

const EPS = 1e-3;
/** Starting statistics: the code's μ₀ 20, σ₀ 100 fit 512-D face features; this app's features have norms near 1–10. */
export const ADAFACE_START = { mean: 3, std: 3 } as const;

const params = [
  { key: 'h', label: 'Quality concentration h', type: 'number', scope: 'live', default: 0.333, min: 0.01, max: 2, step: 0.001 },
  { key: 'adaAlpha', label: 'Norm statistics rate α', type: 'number', scope: 'live', default: 0.01, min: 0.001, max: 1, step: 0.001 },
] as const satisfies readonly ParamDef[];

/** The formula's parts: the target logit, another class's, and ẑ's definition. */
function adafaceTerms(p: { s: number; m: number; h: number }): [string, string, string] {
  const sc = texNumber(p.s, 1);
  const m = texNumber(p.m);
  return [
    `${sc}\\big(\\cos(\\theta_{y_i} - ${m}\\hat z_i) - ${m}(1 + \\hat z_i)\\big)`,
    `${sc}\\cos\\theta_j`,
    `\\hat z_i = \\mathrm{clip}\\Big(${texNumber(p.h, 3)}\\,\\frac{\\lVert x_i \\rVert - \\mu}{\\sigma + 10^{-3}}, -1, 1\\Big)`,
  ];
}

const clipNorm = (n: number) => Math.min(100, Math.max(0.001, n));

/**
 * The batch statistics after this batch: μ ← α·mean(n) + (1−α)·μ, σ ← α·std(n) + (1−α)·σ, with n
 * the clipped norms and std unbiased (the code's torch.std).
 */
export function adafaceStats(prev: { mean: number; std: number }, norms: ArrayLike<number>, alpha: number): { mean: number; std: number } {
  const n = norms.length;
  if (n === 0) return prev;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += clipNorm(norms[i] as number);
  const mean = sum / n;
  let sq = 0;
  for (let i = 0; i < n; i++) sq += (clipNorm(norms[i] as number) - mean) ** 2;
  const std = n > 1 ? Math.sqrt(sq / (n - 1)) : 0;
  return { mean: alpha * mean + (1 - alpha) * prev.mean, std: alpha * std + (1 - alpha) * prev.std };
}

/** The margin scaler ẑ of a feature norm: clip(h·(n − μ)/(σ + 10⁻³), −1, 1). */
export function adafaceScaler(spec: Pick<AdaFaceSpec, 'h' | 'batchMean' | 'batchStd'>, norm: number): number {
  return Math.min(1, Math.max(-1, (spec.h * (clipNorm(norm) - spec.batchMean)) / (spec.batchStd + EPS)));
}

/** The target cosine of a sample with scaler ẑ at θ: cos(clip(θ − m·ẑ, ε, π − ε)) − (m + m·ẑ). */
export function adafaceTarget(m: number, z: number, theta: number): number {
  const t = Math.min(Math.PI - EPS, Math.max(EPS, theta - m * z));
  return Math.cos(t) - (m + m * z);
}

export const adaface: LossDefinition<AdaFaceSpec, typeof params> = {
  kind: 'adaface',
  meta: {
    label: 'AdaFace',
    showcase: {
      preset: 'after-adaface',
      lookFor:
        'With blurred samples: their low norms get ArcFace’s gentle margin, so they are not forced into their class as hard as the clear ones.',
    },
    intuition:
      'The feature norm, measured against the batch, stands for image quality: a low-quality sample gets an angular margin that asks little of it (ArcFace’s form, ẑ = −1), an average one CosFace’s additive margin (ẑ = 0), a high-quality one both.',
    uses: ['m', 's', 'warmup'],
    params,
    margin: { min: 0, max: 1, step: 0.01, default: 0.4, unit: 'rad' },
    titleKeys: ['m', 'h', 's'],
  },
  train: {
    rawLogits: false,
    spec: (p, at) => ({
      kind: 'adaface',
      s: p.s,
      m: p.m * at.ramp,
      h: p.h,
      alpha: p.adaAlpha,
      batchMean: ADAFACE_START.mean,
      batchStd: ADAFACE_START.std,
    }),
    running: {
      names: ['norm mean', 'norm sd'],
      initial: () => [ADAFACE_START.mean, ADAFACE_START.std],
      update: ([mean, std], batch, spec) => {
        const next = adafaceStats({ mean: mean ?? ADAFACE_START.mean, std: std ?? ADAFACE_START.std }, batch.norms, spec.alpha);
        return [next.mean, next.std];
      },
      withState: (spec, [mean, std]) => ({ ...spec, batchMean: mean ?? spec.batchMean, batchStd: std ?? spec.batchStd }),
    },
    effectiveMargin: (spec) => spec.m,
    loss({ tf, ops }, spec, b) {
      const { m, h, s } = spec;
      // ẑ from the detached, clipped norms: no gradient flows through ‖x‖.
      const norms = ops.detach(tf.clipByValue(tf.sqrt(tf.add(tf.sum(tf.square(b.x), 1), 1e-12)), 0.001, 100)) as TF.Tensor1D;
      const z = tf.clipByValue(tf.mul(tf.div(tf.sub(norms, spec.batchMean), spec.batchStd + EPS), h), -1, 1) as TF.Tensor1D;
      const cos = tf.clipByValue(ops.cosines(b.x, b.W), -1 + EPS, 1 - EPS) as TF.Tensor2D;
      const cy = ops.pickTarget(cos, b.oneHot);
      const theta = tf.clipByValue(tf.sub(tf.acos(cy), tf.mul(z, m)), EPS, Math.PI - EPS);
      const target = tf.sub(tf.cos(theta), tf.add(tf.mul(z, m), m)) as TF.Tensor1D;
      return ops.marginCrossEntropy(tf.mul(cos, s) as TF.Tensor2D, tf.mul(target, s) as TF.Tensor1D, b.oneHot);
    },
  },
  view: {
    scale: (spec) => spec.s,
    // The target of a feature at this norm, against the statistics in force.
    targetLogit: (spec, theta, featureNorm) => spec.s * adafaceTarget(spec.m, adafaceScaler(spec, featureNorm), theta),
    curve: { paper: { m: 0.4, h: 0.333 }, label: 'AdaFace (a feature at the batch mean: CosFace)' },
    tex: (p) => {
      const [target, other, zHat] = adafaceTerms(p);
      return `${crossEntropyTex(target, other)}, \\quad ${zHat}`;
    },
    texLines: (p) => {
      const [target, other, zHat] = adafaceTerms(p);
      return [...namedTargetLines(target, other), zHat];
    },
    caption: (p) =>
      `AdaFace: m = ${texNumber(p.m)} rad. ẑ = −1 (a low norm: low quality) is ArcFace's cos(θ + m); ẑ = 0 (the batch mean) is CosFace's cos θ − m; μ and σ follow the batch norms at rate α = ${texNumber(p.adaAlpha, 3)}.`,
    shader: {
      // A feature at the statistics in force: the scaler of the view's mean feature norm in uLoss.y.
      source: () => 'float t = clamp(acos(cc) - uLoss.x * uLoss.y, 0.001, PI - 0.001);\n    return cos(t) - (uLoss.x + uLoss.x * uLoss.y);',
      uniforms: (spec, featureNorm) => [spec.m, adafaceScaler(spec, featureNorm)],
    },
  },
  rails: {},
  // The fused head: every cosine clipped as above; the target of the clipped c at this sample's
  // (constant) norm, with slope sin t / sin θ where t = θ − m·ẑ is not clipped.
  fused: (spec) => ({
    kind: 'cosine',
    s: spec.s,
    clip: EPS,
    target: (c, norm) => {
      const z = adafaceScaler(spec, norm);
      const theta = Math.acos(c);
      const t = theta - spec.m * z;
      const inside = t >= EPS && t <= Math.PI - EPS;
      return [adafaceTarget(spec.m, z, theta), inside ? Math.sin(t) / Math.sin(theta) : 0];
    },
  }),
};
