// What a frame shows of the newer losses' own mechanisms, in numbers (pure): SphereFace2's caps,
// CurricularFace's hard negatives, sub-center ArcFace's sub-centres.
import { lossDef, type LossSpec } from '../losses/registry';
import type { Frame, RunInfo } from '../train/frame';
import { capShares } from '../metrics/caps';
import { hardNegativesOnce } from '../metrics/hardNegatives';

export interface LossFact {
  /** A stable id (test ids, data attributes). */
  id: string;
  label: string;
  value: string;
}

const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)} %` : '—');

/** The facts of this loss's mechanism at this frame (none for the losses without one). `spec` is the spec in force (state and b applied). */
export function lossFacts(spec: LossSpec, frame: Frame, info: RunInfo): LossFact[] {
  const def = lossDef(spec.kind);
  const D = info.dim;
  const C = info.numClasses;
  const facts: LossFact[] = [];
  if (def.view.capCos && frame.scalarBias !== undefined) {
    const edge = def.view.capCos(spec, C);
    const { own, none } = capShares(frame.test, info.testLabels, frame.W, D, C, edge);
    facts.push(
      { id: 'bias', label: 'learned b', value: frame.scalarBias.toFixed(2) },
      { id: 'cap', label: 'cap radius (each class)', value: `${((Math.acos(edge) * 180) / Math.PI).toFixed(1)}°` },
      { id: 'own-cap', label: 'test features in their own cap', value: pct(own) },
      { id: 'no-cap', label: 'test features in no cap', value: pct(none) },
    );
  }
  const hardM = def.view.hardNegativeMargin?.(spec);
  if (hardM !== undefined) {
    const flags = hardNegativesOnce(frame.train, info.trainLabels, frame.W, D, C, hardM);
    const share = flags.reduce((a, b) => a + b, 0) / Math.max(1, flags.length);
    facts.push({ id: 'hard', label: 'training samples with a hard negative (dotted)', value: pct(share) });
  }
  const sub = frame.subcenters;
  if (sub) {
    facts.push({ id: 'subcenters', label: 'sub-centres per class', value: `${sub.K} (thick: the dominant one)` });
  }
  return facts;
}
