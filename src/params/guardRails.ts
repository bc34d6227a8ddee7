// Warnings for settings that cannot separate the classes (pure).
import { cosfaceMinScale, idealMinAngle } from '../losses/curves';
import { lossDef } from '../losses/registry';
import { FULL_STEP, stepSpec } from '../losses/stepSpec';
import type { Params } from './table';

const deg = (r: number) => `${((r * 180) / Math.PI).toFixed(1)}°`;
const TARGET_P = 0.9;

/** The losses with a scale s on cosines. */
export function hasScale(loss: Params['loss']): boolean {
  return lossDef(loss).meta.uses.includes('s');
}

/**
 * Plain-text warnings: s below CosFace's bound for C classes (p = 0.9), a margin so large that
 * even a feature on its own class weight loses to the nearest class at the best possible spread
 * (for CosFace that is m above 1 − cos(2π/C) in 2-D).
 */
export function guardRails(p: Params, classes: number, dim: 2 | 3): string[] {
  const notes: string[] = [];
  const def = lossDef(p.loss);
  if (hasScale(p.loss)) {
    const sMin = cosfaceMinScale(classes, TARGET_P);
    if (p.s < sMin) {
      notes.push(
        `s = ${p.s} is below ${sMin.toFixed(1)}, the smallest scale at which ${classes} classes can reach probability ${TARGET_P}: the loss stays high however well the classes separate.`,
      );
    }
  }
  const room = idealMinAngle(classes, dim);
  // The margin at its full size (warm-up over); a loss without a margin always passes (its target on the weight is 1).
  const spec = stepSpec(p, FULL_STEP).spec;
  if (room !== undefined && def.view.capCos) {
    // One-vs-all: a feature on its own weight must beat its nearest neighbour's binary logit by 2m.
    const limit = def.rails.marginBound?.(classes, dim);
    if (limit !== undefined && def.train.effectiveMargin(spec) > limit) {
      notes.push(
        `m = ${p.m} is more than ${classes} classes in ${dim}-D leave room for (best spread ${deg(room)}: ${def.meta.label} needs m ≤ ${limit.toFixed(3)}, even for a feature on its own weight). Caps cannot keep every neighbour out.`,
      );
    }
  } else if (room !== undefined && !def.train.rawLogits) {
    const onWeight = def.view.targetLogit(spec, 0, 1) / def.view.scale(spec, 1);
    if (onWeight <= Math.cos(room)) {
      const limit = def.rails.marginBound?.(classes, dim);
      const bound = limit !== undefined ? ` (${def.meta.label}'s bound: m ≤ ${limit.toFixed(3)})` : '';
      notes.push(
        `This margin is larger than the room between ${classes} classes in ${dim}-D (best spread ${deg(room)}): no arrangement satisfies it${bound}. ${def.meta.label} will keep pushing without converging.`,
      );
    }
  }
  notes.push(...(def.rails.guardRails?.(p) ?? []));
  return notes;
}
