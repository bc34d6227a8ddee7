// Series for the target-logit panel (ArcFace paper Fig. 4b) and the θ histogram (Fig. 4a). Pure.
import { LOSS_KINDS, lossDef, type LossKind, type LossSpec } from '../losses/registry';
import type { Params } from '../params/table';

/** θ samples in degrees, 0–180. */
export const THETA_DEG = Array.from({ length: 181 }, (_, i) => i);

/** The loss whose curve a loss draws: its own, or the one it shares (softmax and center loss draw NormFace's cos θ). */
function curveKind(kind: LossKind): LossKind {
  const { curve } = lossDef(kind).view;
  return 'as' in curve ? (curve.as as LossKind) : kind;
}

/** The losses with a curve of their own, in menu order. */
export const CURVE_KINDS: readonly LossKind[] = LOSS_KINDS.filter((k) => curveKind(k) === k);

/**
 * The spec drawn for a loss: the live parameters for the current one, its paper's values for the
 * rest; warm-up over, λ the schedule's value now (0, the pure margin, when not live).
 */
export function curveSpec(kind: LossKind, p: Params, lambda: number): LossSpec {
  const live = kind === curveKind(p.loss);
  const { curve } = lossDef(kind).view;
  const values = live || 'as' in curve ? { ...p, loss: kind } : { ...p, ...curve.paper, loss: kind };
  return lossDef(kind).train.spec(values, { ramp: 1, lambda: live && Number.isFinite(lambda) ? lambda : 0 });
}

/** Target logit ÷ scale at every θ of THETA_DEG. */
function curveValues(spec: LossSpec): number[] {
  const def = lossDef(spec.kind);
  const scale = def.view.scale(spec, 1);
  return THETA_DEG.map((d) => def.view.targetLogit(spec, (d * Math.PI) / 180, 1) / scale);
}

/** Target logit ÷ scale against θ for each curve kind, current loss first-class. */
export function curveSeries(p: Params, lambda: number): { label: string; values: number[]; current: boolean }[] {
  const currentKind = curveKind(p.loss);
  return CURVE_KINDS.map((kind) => {
    const { curve } = lossDef(kind).view;
    const { label } = lossDef(kind).meta;
    return {
      label: ('label' in curve ? curve.label : undefined) ?? label,
      values: curveValues(curveSpec(kind, p, lambda)),
      current: kind === currentKind,
    };
  });
}

/** Compare mode: each panel's own target logit ÷ scale against θ (softmax and center loss draw cos θ). */
export function panelCurveSeries(
  panels: readonly { title: string; params: Params; lambda: number }[],
): { label: string; values: number[] }[] {
  return panels.map(({ title, params: p, lambda }) => ({ label: title, values: curveValues(curveSpec(curveKind(p.loss), p, lambda)) }));
}
