// The combined margin (ArcFace paper Eq. 4): target s·(cos(m1·θ_y + m2) − m3), one family for all three.
import type { ParamDef } from '../schema/paramDef';
import type { LossDefinition } from './definition';
import { clampCos, sinAndSlope } from './cosine';
import { cosineTex, texNumber } from './tex';

export interface CombinedSpec {
  kind: 'combined';
  s: number;
  m1: number;
  m2: number;
  m3: number;
}

const params = [
  { key: 'm1', label: 'm1 (multiplicative)', type: 'number', scope: 'live', default: 1, min: 0.5, max: 2, step: 0.01 },
  { key: 'm2', label: 'm2 (additive angle)', type: 'number', scope: 'live', default: 0.3, min: 0, max: 1.2, step: 0.01, unit: 'rad' },
  { key: 'm3', label: 'm3 (additive cosine)', type: 'number', scope: 'live', default: 0.2, min: 0, max: 0.8, step: 0.01 },
] as const satisfies readonly ParamDef[];

export const combined: LossDefinition<CombinedSpec, typeof params> = {
  kind: 'combined',
  meta: {
    label: 'Combined margin',
    intuition: 'ArcFace, CosFace and SphereFace margins at once: cos(m1·θ + m2) − m3, with (1, 0, 0) giving NormFace back.',
    uses: ['s', 'warmup'],
    params,
    titleKeys: ['m1', 'm2', 'm3', 's'],
  },
  train: {
    rawLogits: false,
    spec: (p, at) => ({ kind: 'combined', s: p.s, m1: 1 + (p.m1 - 1) * at.ramp, m2: p.m2 * at.ramp, m3: p.m3 * at.ramp }),
    effectiveMargin: (spec) => spec.m2,
    loss: ({ tf, ops }, spec, b) =>
      ops.cosineMarginLoss(b.x, b.W, b.oneHot, spec.s, (c) =>
        tf.sub(tf.cos(tf.add(tf.mul(ops.angleFromCos(c), spec.m1), spec.m2)), spec.m3),
      ),
  },
  view: {
    scale: (spec) => spec.s,
    targetLogit: (spec, theta) => spec.s * (Math.cos(spec.m1 * Math.acos(clampCos(Math.cos(theta))) + spec.m2) - spec.m3),
    curve: { paper: { m1: 1, m2: 0.3, m3: 0.2 } },
    tex: (p) => cosineTex(p.s, `(\\cos(${texNumber(p.m1)}\\,\\theta_{y_i} + ${texNumber(p.m2)}) - ${texNumber(p.m3)})`),
    caption: (p) => `Combined margin (ArcFace paper Eq. 4): m1 = ${texNumber(p.m1)}, m2 = ${texNumber(p.m2)} rad, m3 = ${texNumber(p.m3)}.`,
    shader: { source: () => 'return cos(uLoss.x * acos(cc) + uLoss.y) - uLoss.z;', uniforms: (spec) => [spec.m1, spec.m2, spec.m3] },
  },
  rails: {},
  // θ = acos(clamp c): dθ/dc = −1/sin θ inside the clamp, 0 outside it.
  fused: (spec) => ({
    kind: 'cosine',
    s: spec.s,
    target: (c) => {
      const theta = Math.acos(clampCos(c));
      const [sin, dSin] = sinAndSlope(c);
      const arg = spec.m1 * theta + spec.m2;
      return [Math.cos(arg) - spec.m3, dSin === 0 ? 0 : (spec.m1 * Math.sin(arg)) / sin];
    },
  }),
};
