// L-Softmax (Liu et al. 2016, the step before SphereFace): SphereFace's multiplicative angular
// margin on raw logits. W is not normalised and there is no bias: f_j = W_jᵀx, and the target
// f_y = (‖W_y‖‖x‖ψ(θ_y) + λ·W_yᵀx)/(1+λ), with ψ and the annealed λ as SphereFace's.
import type * as TF from '@tensorflow/tfjs-core';
import type { ParamDef } from '../schema/paramDef';
import type { LossDefinition, MarginRange } from './definition';
import { fitMargin } from './margin';
import { psiT, SPHEREFACE_GLSL, spherePsi, spherefaceTarget } from './sphereface';
import { crossEntropyTex, texNumber } from './tex';

export interface LSoftmaxSpec {
  kind: 'lsoftmax';
  m: number;
  lambda: number;
}

const params = [] as const satisfies readonly ParamDef[];

const MARGIN: MarginRange = { min: 1, max: 4, step: 1, default: 4, integer: true };

export const lsoftmax: LossDefinition<LSoftmaxSpec, typeof params> = {
  kind: 'lsoftmax',
  meta: {
    label: 'L-Softmax',
    intuition:
      'SphereFace’s multiplicative margin before the weights were normalised: the target angle counts m times, but each class’s weight norm ‖W_j‖ still scales its logit, so a class with a longer weight claims a wider sector.',
    uses: ['m', 'anneal', 'lambdaMin'],
    params,
    margin: MARGIN,
    titleKeys: ['m'],
  },
  train: {
    rawLogits: true,
    noBias: true,
    spec: (p, at) => ({ kind: 'lsoftmax', m: fitMargin(MARGIN, p.m), lambda: at.lambda }),
    effectiveMargin: (spec) => spec.m,
    loss(kit, spec, b) {
      const { tf, ops } = kit;
      const logits = tf.matMul(b.x, b.W) as TF.Tensor2D; // W_jᵀx, no bias
      const xNorm = tf.sqrt(tf.add(tf.sum(tf.square(b.x), 1), 1e-12)) as TF.Tensor1D;
      const wNorm = ops.pickTarget(tf.mul(tf.sqrt(tf.add(tf.sum(tf.square(b.W), 0, true), 1e-12)), b.oneHot) as TF.Tensor2D, b.oneHot); // ‖W_y‖
      const fy = ops.pickTarget(logits, b.oneHot);
      const scale = tf.mul(xNorm, wNorm) as TF.Tensor1D;
      const psi = psiT(kit, tf.div(fy, scale) as TF.Tensor1D, spec.m);
      const target = tf.div(tf.add(tf.mul(scale, psi), tf.mul(fy, spec.lambda)), 1 + spec.lambda) as TF.Tensor1D;
      return ops.marginCrossEntropy(logits, target, b.oneHot);
    },
  },
  view: {
    scale: (_spec, featureNorm) => featureNorm,
    targetLogit: (spec, theta, featureNorm) =>
      (featureNorm * (spec.lambda * Math.cos(theta) + spherePsi(theta, spec.m))) / (1 + spec.lambda),
    curve: { as: 'sphereface' },
    // The landscape's target: SphereFace's blend (λ cos θ + ψ(θ))/(1 + λ), at the scale ‖x‖‖W_j‖.
    landscape: { target: { source: () => SPHEREFACE_GLSL, uniforms: (spec) => [spec.m, spec.lambda] } },
    tex(p, lambda) {
      const m = fitMargin(MARGIN, p.m);
      const lam = lambda !== undefined && Number.isFinite(lambda) ? texNumber(lambda, 1) : '\\lambda';
      return `${crossEntropyTex(`\\frac{\\lVert W_{y_i} \\rVert \\lVert x_i \\rVert \\psi(\\theta_{y_i}) + ${lam}\\, W_{y_i}^{\\top} x_i}{1 + ${lam}}`, 'W_j^{\\top} x_i')}, \\quad \\psi(\\theta) = (-1)^k \\cos(${m}\\theta) - 2k`;
    },
    caption: (p) =>
      `L-Softmax: integer m = ${fitMargin(MARGIN, p.m)}, W not normalised and no bias: the weight norms ‖W_j‖ skew the sectors (SphereFace normalised them away).`,
  },
  rails: {},
  // The cosine head with the scale ‖x‖·‖W_j‖: ‖x‖‖W_j‖cos θ_j is W_jᵀx, and the target is
  // SphereFace's blend (λ cos θ + ψ(θ))/(1 + λ) at that scale, both norms differentiated.
  fused: (spec) => {
    const target = spherefaceTarget({ kind: 'sphereface', m: spec.m, lambda: spec.lambda });
    return target ? { kind: 'cosine', s: 'norms', target } : { kind: 'none', why: `m = ${spec.m} is not a whole number ≥ 0` };
  },
};
