// Center loss (Wen et al. 2016): softmax plus a pull of each feature toward its class centre.
import type * as TF from '@tensorflow/tfjs-core';
import type { ParamDef } from '../schema/paramDef';
import type { LossDefinition } from './definition';
import { softmax } from './softmax';
import { RAW_SOFTMAX_TEX, texNumber } from './tex';

export interface CenterSpec {
  kind: 'center';
  lambda: number;
  /** Centres of x̂ rather than of raw x (default false). */
  normalize?: boolean;
  /** Add softmax's cross-entropy (default true). */
  includeSoftmax?: boolean;
}

const params = [
  { key: 'lambda', label: 'Center weight λ', type: 'number', scope: 'live', default: 0.1, min: 0, max: 2, step: 0.001 },
  { key: 'alpha', label: 'Center rate α', type: 'number', scope: 'live', default: 0.5, min: 0, max: 1, step: 0.01 },
] as const satisfies readonly ParamDef[];

export const center: LossDefinition<CenterSpec, typeof params> = {
  kind: 'center',
  meta: {
    label: 'Center loss',
    intuition:
      'Softmax plus a pull of every feature toward its class centre: compact clusters in Euclidean space (the centres follow their own update rule).',
    uses: [],
    params,
    titleKeys: ['lambda'],
  },
  train: {
    rawLogits: true,
    centerRate: (p) => p.alpha,
    spec: (p) => ({ kind: 'center', lambda: p.lambda }),
    effectiveMargin: () => 0,
    loss(kit, spec, b) {
      const { tf, ops } = kit;
      if (!b.centers) throw new Error('center loss needs inputs.centers (C×D)');
      const f = spec.normalize ? ops.l2NormalizeRows(b.x) : b.x;
      // Wen et al.'s term (1/N)·Σ ½‖f_i − c_{y_i}‖², the centres constant for autodiff.
      const own = tf.matMul(b.oneHot, b.centers); // N×D: c_{y_i}
      const term: TF.Scalar = tf.mul(tf.mul(tf.mean(tf.sum(tf.square(tf.sub(f, own)), 1)), 0.5), spec.lambda);
      return spec.includeSoftmax === false ? term : tf.add(softmax.train.loss(kit, { kind: 'softmax' }, b), term);
    },
  },
  view: {
    scale: (_spec, featureNorm) => featureNorm,
    targetLogit: (_spec, theta, featureNorm) => featureNorm * Math.cos(theta),
    curve: { as: 'normface' },
    tex: (p) => `${RAW_SOFTMAX_TEX} + \\frac{${texNumber(p.lambda, 3)}}{2N}\\sum_{i=1}^{N} \\lVert x_i - c_{y_i} \\rVert_2^2`,
  },
  rails: {},
  // The raw head serves softmax plus the pull on raw features; the normalised pull and the pull
  // alone (the ablations) take the tape.
  fused: (spec) =>
    spec.normalize || spec.includeSoftmax === false
      ? { kind: 'none', why: 'the normalised pull and the pull without softmax are ablations the raw head does not compute' }
      : { kind: 'raw', bias: true, pull: spec.lambda },
};
