// CosFace / AM-Softmax (Wang et al. 2018): an additive cosine margin, target s·(cos θ_y − m).
import type { ParamDef } from '../schema/paramDef';
import type { LossDefinition } from './definition';
import { idealMinAngle } from './bounds';
import { cosineTex, texNumber } from './tex';

export interface CosFaceSpec {
  kind: 'cosface';
  s: number;
  m: number;
}

const params = [] as const satisfies readonly ParamDef[];

/**
 * CosFace Eq. 7: the largest additive cosine margin m that C classes in D dimensions can all
 * satisfy, 1 − cos(best minimum angle): 1 − cos(2π/C) in 2-D, C/(C−1) when C ≤ D+1.
 */
export function cosfaceMaxMargin(C: number, D: number): number | undefined {
  const angle = idealMinAngle(C, D);
  return angle === undefined ? undefined : 1 - Math.cos(angle);
}

export const cosface: LossDefinition<CosFaceSpec, typeof params> = {
  kind: 'cosface',
  meta: {
    label: 'CosFace',
    intuition: 'An additive cosine margin: the target cosine must beat the others by m, a constant gap in cosine space.',
    uses: ['m', 's', 'warmup'],
    params,
    margin: { min: 0, max: 1, step: 0.01, default: 0.2 },
    titleKeys: ['m', 's'],
  },
  train: {
    rawLogits: false,
    spec: (p, at) => ({ kind: 'cosface', s: p.s, m: p.m * at.ramp }),
    effectiveMargin: (spec) => spec.m,
    loss: ({ tf, ops }, spec, b) => ops.cosineMarginLoss(b.x, b.W, b.oneHot, spec.s, (c) => tf.sub(c, spec.m)),
  },
  view: {
    scale: (spec) => spec.s,
    targetLogit: (spec, theta) => spec.s * (Math.cos(theta) - spec.m),
    curve: { paper: { m: 0.35 } },
    tex: (p) => cosineTex(p.s, `(\\cos\\theta_{y_i} - ${texNumber(p.m)})`),
    shader: { source: () => 'return cc - uLoss.x;', uniforms: (spec) => [spec.m] },
  },
  rails: {
    marginBound: cosfaceMaxMargin,
  },
  fused: (spec) => ({ kind: 'cosine', s: spec.s, target: (c) => [c - spec.m, 1] }),
};
