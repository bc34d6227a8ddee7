// Warnings for settings that cannot separate the classes (pure).
import { cosfaceMaxMargin, cosfaceMinScale, idealMinAngle, targetLogit } from '../losses/curves';
import type { LossSpec } from '../losses/types';
import { LOSS_LABELS, type Params } from './table';

const deg = (r: number) => `${((r * 180) / Math.PI).toFixed(1)}°`;
const TARGET_P = 0.9;

/** The losses with a scale s on cosines. */
export function hasScale(loss: Params['loss']): boolean {
  return loss === 'normface' || loss === 'cosface' || loss === 'arcface' || loss === 'combined';
}

/** The margin spec the guard rails test (warm-up aside). */
function specOf(p: Params): Extract<LossSpec, { kind: 'cosface' | 'arcface' | 'combined' }> | undefined {
  switch (p.loss) {
    case 'cosface':
      return { kind: 'cosface', s: p.s, m: p.m };
    case 'arcface':
      return { kind: 'arcface', s: p.s, m: p.m, fallback: p.arcFallback };
    case 'combined':
      return { kind: 'combined', s: p.s, m1: p.m1, m2: p.m2, m3: p.m3 };
    default:
      return undefined;
  }
}

/**
 * Plain-text warnings: s below CosFace's bound for C classes (p = 0.9), a margin so large that
 * even a feature on its own class weight loses to the nearest class at the best possible spread
 * (for CosFace that is m above 1 − cos(2π/C) in 2-D).
 */
export function guardRails(p: Params, classes: number, dim: 2 | 3): string[] {
  const notes: string[] = [];
  if (hasScale(p.loss)) {
    const sMin = cosfaceMinScale(classes, TARGET_P);
    if (p.s < sMin) {
      notes.push(`s = ${p.s} is below ${sMin.toFixed(1)}, the smallest scale at which ${classes} classes can reach probability ${TARGET_P}: the loss stays high however well the classes separate.`);
    }
  }
  const spec = specOf(p);
  const room = idealMinAngle(classes, dim);
  if (spec && room !== undefined) {
    const scale = spec.s;
    const onWeight = targetLogit(spec, 0) / scale;
    if (onWeight <= Math.cos(room)) {
      const bound = p.loss === 'cosface' ? ` (CosFace's bound: m ≤ ${cosfaceMaxMargin(classes, dim)?.toFixed(3)})` : '';
      notes.push(`This margin is larger than the room between ${classes} classes in ${dim}-D (best spread ${deg(room)}): no arrangement satisfies it${bound}. ${LOSS_LABELS[p.loss]} will keep pushing without converging.`);
    }
  }
  return notes;
}
