// What the probe panel shows: the probe's feature under the panel's loss, and "the same feature,
// every loss": under each lecture loss at its default settings, against the same weights.
import { tangentForces } from '../losses/forces';
import { probeFeature, type HeadModel, type ProbeReading } from '../losses/probe';
import { lossDef, LOSS_KINDS, type LossKind, type LossSpec } from '../losses/registry';
import { defaultSpecOf } from '../params/defaultSpec';

/** The lecture's six losses, in its order (the first six of the menu): softmax … ArcFace. */
export const LECTURE_LOSSES: readonly LossKind[] = LOSS_KINDS.slice(0, 6);

export interface ProbeRow {
  kind: LossKind;
  label: string;
  /** null: the loss cannot read these weights (a different head layout) or has no head. */
  reading: (ProbeReading & { turning: number }) | null;
}

/** |the force's part tangent to the sphere| times ‖x‖: what turns the feature (losses/forces.ts's turning force). */
export function turningOf(x: readonly number[], force: ArrayLike<number>): number {
  return Math.hypot(...tangentForces(x, force, x.length));
}

/** The feature x (raw) of class y under `spec`, with its turning force. */
export function readProbe(spec: LossSpec, model: HeadModel, x: readonly number[], y: number): ProbeRow['reading'] {
  const r = probeFeature(spec, model, x, y);
  return r ? { ...r, turning: turningOf(x, r.force) } : null;
}

/**
 * The same feature under each lecture loss at its defaults. W is the run's class weights (one
 * column a class: a sub-centre run's dominant ones), its bias for the raw-logit losses, its centres.
 */
export function sameFeatureEveryLoss(
  W: ArrayLike<number>,
  D: number,
  classBias: ArrayLike<number>,
  centers: ArrayLike<number>,
  x: readonly number[],
  y: number,
): ProbeRow[] {
  const C = W.length / D;
  return LECTURE_LOSSES.map((kind) => {
    const spec = defaultSpecOf(kind, C);
    return { kind, label: lossDef(kind).meta.label, reading: readProbe(spec, { W, D, bias: classBias, centers }, x, y) };
  });
}
