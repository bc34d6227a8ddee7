// The probe on a frame: a feature at the training features' mean norm in the probe's direction, of
// the class asked for (or the nearest weight's), read under the frame's own spec and classifier.
import { probeFeature, type ProbeReading } from '../losses/probe';
import type { Frame } from './frame';
import { headModelOf } from './headModel';

export interface FrameProbe {
  /** The class read (0-based). */
  y: number;
  /** The raw feature: the direction times the training features' mean norm. */
  x: number[];
  reading: ProbeReading;
}

/** The training features' mean norm (1 when there are none). */
export function meanFeatureNorm(train: Float32Array, D: number): number {
  const n = train.length / D;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let sq = 0;
    for (let d = 0; d < D; d++) sq += train[i * D + d]! ** 2;
    sum += Math.sqrt(sq);
  }
  return n > 0 && sum > 0 ? sum / n : 1;
}

/** The probe at unit direction `dir` (length D); `cls` 1–C a class, 0 the nearest weight's. Null when the loss has no head. */
export function probeFrame(frame: Frame, D: number, dir: readonly number[], cls: number): FrameProbe | null {
  const model = headModelOf(frame, D);
  const norm = meanFeatureNorm(frame.train, D);
  const x = dir.slice(0, D).map((v) => v * norm);
  const any = probeFeature(frame.spec, model, x, 0);
  if (!any) return null;
  const C = any.cosines.length;
  let y = Math.min(C, Math.max(0, Math.round(cls))) - 1;
  if (y < 0) y = any.cosines.reduce((best, c, j) => (c > any.cosines[best]! ? j : best), 0);
  const reading = y === 0 ? any : probeFeature(frame.spec, model, x, y)!;
  return { y, x, reading };
}
