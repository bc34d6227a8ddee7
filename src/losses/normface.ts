// NormFace (Wang et al. 2017): features and weights normalised, logits s·cos θ, no margin.
import type { ParamDef } from '../schema/paramDef';
import type { LossDefinition } from './definition';
import { cosineTex } from './tex';

export interface NormFaceSpec {
  kind: 'normface';
  s: number;
}

const params = [] as const satisfies readonly ParamDef[];

export const normface: LossDefinition<NormFaceSpec, typeof params> = {
  kind: 'normface',
  meta: {
    label: 'NormFace',
    intuition: 'Features and weights on the sphere, logits s·cos θ: only angles matter, and s sets how peaked the softmax can get.',
    uses: ['s'],
    params,
    titleKeys: ['s'],
  },
  train: {
    rawLogits: false,
    spec: (p) => ({ kind: 'normface', s: p.s }),
    effectiveMargin: () => 0,
    loss: ({ ops }, spec, b) => ops.cosineMarginLoss(b.x, b.W, b.oneHot, spec.s, (c) => c),
  },
  view: {
    scale: (spec) => spec.s,
    targetLogit: (spec, theta) => spec.s * Math.cos(theta),
    curve: { paper: {}, label: 'softmax / NormFace' },
    tex: (p) => cosineTex(p.s, '\\cos\\theta_{y_i}'),
  },
  rails: {},
  fused: (spec) => ({ kind: 'cosine', s: spec.s, target: (c) => [c, 1] }),
};
