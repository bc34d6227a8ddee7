import type * as TF from '@tensorflow/tfjs';

/** See reference.mjs. */
export function referenceArcFace(
  tf: typeof TF,
  x: Float32Array,
  y: Int32Array,
  d: number,
  C: number,
  opts: { D: number; hidden: number; depth: number; batch: number; s: number; m: number; lr: number },
): { step(): void; dispose(): void };
