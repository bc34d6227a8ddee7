// Softmax cross-entropy on raw logits Wᵀx + b: the baseline every margin loss departs from.
import type { ParamDef } from '../schema/paramDef';
import type { LossDefinition } from './definition';
import { RAW_SOFTMAX_TEX } from './tex';

export interface SoftmaxSpec {
  kind: 'softmax';
}

const params = [] as const satisfies readonly ParamDef[];

export const softmax: LossDefinition<SoftmaxSpec, typeof params> = {
  kind: 'softmax',
  meta: {
    label: 'Softmax',
    intuition:
      'Separable but not discriminative: every feature on the right side of the boundary already satisfies it, so classes fan out radially with large norms.',
    uses: [],
    params,
    titleKeys: [],
  },
  train: {
    rawLogits: true,
    spec: () => ({ kind: 'softmax' }),
    effectiveMargin: () => 0,
    loss: ({ ops }, _spec, b) => ops.rawLogitCrossEntropy(b.x, b.W, b.oneHot, b.bias),
  },
  view: {
    scale: (_spec, featureNorm) => featureNorm,
    targetLogit: (_spec, theta, featureNorm) => featureNorm * Math.cos(theta),
    curve: { as: 'normface' },
    tex: () => RAW_SOFTMAX_TEX,
  },
  rails: {},
  fused: () => ({ kind: 'raw', bias: true }),
};
