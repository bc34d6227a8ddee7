// The cosine head a spec trains through, read off its definition's hooks (cosineTarget and the
// ones beside it): the trainer's fused head kernel runs it, and the tests hold it to tfjs.
import type { NegativeFunction, NormPenalty, TargetFunction } from './definition';
import type { CosineHeadSpec } from './fusedHead';
import { lossDef, type LossSpec } from './registry';

/** The spec's cosine head, or undefined when its loss gives no `cosineTarget` (for this spec). */
export function cosineHeadOf(spec: LossSpec): CosineHeadSpec | undefined {
  // The hooks are typed per loss; the registry's union takes any spec of its kind.
  const def = lossDef(spec.kind);
  const target = (def.cosineTarget as ((s: LossSpec) => TargetFunction | undefined) | undefined)?.(spec);
  if (!target) return undefined;
  return {
    // The scale is the spec's s, or the feature norm for a spec without one (SphereFace's default).
    s: (spec as { s?: number }).s ?? 'norm',
    target,
    clip: def.cosineClip ?? 0,
    negative: (def.cosineNegative as ((s: LossSpec) => NegativeFunction) | undefined)?.(spec),
    K: (def.cosineSubcenters as ((s: LossSpec) => number) | undefined)?.(spec) ?? 1,
    penalty: (def.cosineNormPenalty as ((s: LossSpec) => NormPenalty) | undefined)?.(spec),
  };
}
