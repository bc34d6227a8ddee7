// Series for the target-logit panel (ArcFace paper Fig. 4b) and the θ histogram (Fig. 4a). Pure.
import { targetLogit } from '../losses/curves';
import type { LossSpec } from '../losses/types';
import { LOSS_LABELS, type Params } from '../params/table';

/** θ samples in degrees, 0–180. */
export const THETA_DEG = Array.from({ length: 181 }, (_, i) => i);

/** The spec drawn for a loss: the live parameters for the current one, paper defaults for the rest. */
export function curveSpec(kind: Params['loss'], p: Params, sphereLambda: number): LossSpec {
  const live = kind === p.loss;
  switch (kind) {
    case 'softmax':
    case 'center':
    case 'normface':
      return { kind: 'normface', s: 1 };
    case 'cosface':
      return { kind: 'cosface', s: 1, m: live ? p.m : 0.35 };
    case 'arcface':
      return { kind: 'arcface', s: 1, m: live ? p.m : 0.5, fallback: live ? p.arcFallback : 'insightface' };
    case 'combined':
      return live ? { kind: 'combined', s: 1, m1: p.m1, m2: p.m2, m3: p.m3 } : { kind: 'combined', s: 1, m1: 1, m2: 0.3, m3: 0.2 };
    case 'sphereface':
      return { kind: 'sphereface', m: live ? Math.round(p.m) : 4, lambda: live && Number.isFinite(sphereLambda) ? sphereLambda : 0, s: 1 };
  }
}

/** The curves drawn: softmax/NormFace cos θ, SphereFace, CosFace, ArcFace, combined. */
export const CURVE_KINDS = ['normface', 'sphereface', 'cosface', 'arcface', 'combined'] as const;

/** Target logit ÷ scale against θ for each curve kind, current loss first-class. */
export function curveSeries(p: Params, sphereLambda: number): { label: string; values: number[]; current: boolean }[] {
  const currentKind = p.loss === 'softmax' || p.loss === 'center' ? 'normface' : p.loss;
  return CURVE_KINDS.map((kind) => {
    const spec = curveSpec(kind, p, sphereLambda);
    return {
      label: kind === 'normface' ? 'softmax / NormFace' : LOSS_LABELS[kind],
      values: THETA_DEG.map((d) => targetLogit(spec, (d * Math.PI) / 180)),
      current: kind === currentKind,
    };
  });
}

/** Compare mode: each panel's own target logit ÷ scale against θ (softmax and center loss draw cos θ). */
export function panelCurveSeries(panels: readonly { title: string; params: Params; lambda: number }[]): { label: string; values: number[] }[] {
  return panels.map(({ title, params: p, lambda }) => {
    const kind = p.loss === 'softmax' || p.loss === 'center' ? 'normface' : p.loss;
    const spec = curveSpec(kind, p, lambda);
    return { label: title, values: THETA_DEG.map((d) => targetLogit(spec, (d * Math.PI) / 180)) };
  });
}
